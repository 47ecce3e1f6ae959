package app.tandem.mentoring.match;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A mentor and a mentee of a program matched, with the pair's score and a short summary of its reasons as they were
 * when the match was made. Only ACTIVE matches take a mentor's places; an ENDED match makes the two a past pair.
 */
@Entity
@Table(name = "matches")
class Match {

    static final int MAX_REASONS = 1000;

    @Id
    private UUID id;

    @Column(name = "program_id", nullable = false)
    private UUID programId;

    @Column(name = "mentor_enrollment_id", nullable = false)
    private UUID mentorEnrollmentId;

    @Column(name = "mentee_enrollment_id", nullable = false)
    private UUID menteeEnrollmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private MatchStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private MatchOrigin origin;

    @Column(name = "score_points", nullable = false)
    private int scorePoints;

    @Column(nullable = false, length = MAX_REASONS)
    private String reasons;

    @Column(name = "run_id")
    private UUID runId;

    @Column(name = "request_id")
    private UUID requestId;

    @Column(name = "created_by", nullable = false, length = 200)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Version
    private long version;

    protected Match() {}

    private Match(
            UUID programId,
            UUID mentorEnrollmentId,
            UUID menteeEnrollmentId,
            MatchStatus status,
            MatchOrigin origin,
            int scorePoints,
            String reasons,
            String createdBy,
            Instant now) {
        this.id = UUID.randomUUID();
        this.programId = programId;
        this.mentorEnrollmentId = mentorEnrollmentId;
        this.menteeEnrollmentId = menteeEnrollmentId;
        this.status = status;
        this.origin = origin;
        this.scorePoints = scorePoints;
        this.reasons = shorten(reasons);
        this.createdBy = createdBy;
        this.createdAt = now;
        this.publishedAt = status == MatchStatus.ACTIVE ? now : null;
    }

    /** An active match, made now from an accepted request or by an admin; the caller checked the mentor's places. */
    static Match active(
            UUID programId,
            UUID mentorEnrollmentId,
            UUID menteeEnrollmentId,
            MatchOrigin origin,
            UUID requestId,
            int scorePoints,
            String reasons,
            String createdBy,
            Instant now) {
        var match = new Match(
                programId,
                mentorEnrollmentId,
                menteeEnrollmentId,
                MatchStatus.ACTIVE,
                origin,
                scorePoints,
                reasons,
                createdBy,
                now);
        match.requestId = requestId;
        return match;
    }

    /** A draft proposed by a bulk run, for an admin to review. */
    static Match draft(
            UUID programId,
            UUID mentorEnrollmentId,
            UUID menteeEnrollmentId,
            UUID runId,
            int scorePoints,
            String reasons,
            String createdBy,
            Instant now) {
        var match = new Match(
                programId,
                mentorEnrollmentId,
                menteeEnrollmentId,
                MatchStatus.DRAFT,
                MatchOrigin.BULK,
                scorePoints,
                reasons,
                createdBy,
                now);
        match.runId = runId;
        return match;
    }

    /** A draft's new mentor, re-scored; the caller checked that the pair is allowed and the mentor has room. */
    void changeMentor(UUID mentorEnrollmentId, int scorePoints, String reasons) {
        requireStatus(MatchStatus.DRAFT, "Only a draft can get another mentor.");
        this.mentorEnrollmentId = mentorEnrollmentId;
        this.scorePoints = scorePoints;
        this.reasons = shorten(reasons);
    }

    void publish(Instant now) {
        requireStatus(MatchStatus.DRAFT, "Only a draft can be published.");
        this.status = MatchStatus.ACTIVE;
        this.publishedAt = now;
    }

    void end(Instant now) {
        requireStatus(MatchStatus.ACTIVE, "Only an active match can end.");
        this.status = MatchStatus.ENDED;
        this.endedAt = now;
    }

    private void requireStatus(MatchStatus required, String message) {
        if (status != required) {
            throw MatchRefused.matchIs(this, message);
        }
    }

    private static String shorten(String reasons) {
        if (reasons == null) {
            return "";
        }
        return reasons.length() <= MAX_REASONS ? reasons : reasons.substring(0, MAX_REASONS - 1) + "…";
    }

    public UUID id() {
        return id;
    }

    public UUID programId() {
        return programId;
    }

    public UUID mentorEnrollmentId() {
        return mentorEnrollmentId;
    }

    public UUID menteeEnrollmentId() {
        return menteeEnrollmentId;
    }

    public MatchStatus status() {
        return status;
    }

    public MatchOrigin origin() {
        return origin;
    }

    public int scorePoints() {
        return scorePoints;
    }

    /** The score, 0 to 100. */
    public double score() {
        return scorePoints / 100.0;
    }

    public String reasons() {
        return reasons;
    }

    public UUID runId() {
        return runId;
    }

    public UUID requestId() {
        return requestId;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }
}

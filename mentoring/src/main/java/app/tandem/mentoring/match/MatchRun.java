package app.tandem.mentoring.match;

import app.tandem.mentoring.matching.UnmatchedMentee;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A bulk auto-match of a program: who started it, how it went, its total, and the mentees it left unmatched. */
@Entity
@Table(name = "match_runs")
class MatchRun {

    /** Where a run is. Runs are synchronous for now, so RUNNING is only seen by a run that failed on its way. */
    public enum Status {
        RUNNING,
        FINISHED,
        FAILED
    }

    /** A mentee the run left without a mentor, and why. */
    @Embeddable
    public static class Unmatched {

        @Column(name = "mentee_enrollment_id", nullable = false)
        private UUID menteeEnrollmentId;

        @Enumerated(EnumType.STRING)
        @Column(nullable = false, length = 32)
        private UnmatchedMentee.Reason reason;

        protected Unmatched() {}

        Unmatched(UUID menteeEnrollmentId, UnmatchedMentee.Reason reason) {
            this.menteeEnrollmentId = menteeEnrollmentId;
            this.reason = reason;
        }

        public UUID menteeEnrollmentId() {
            return menteeEnrollmentId;
        }

        public UnmatchedMentee.Reason reason() {
            return reason;
        }
    }

    @Id
    private UUID id;

    @Column(name = "program_id", nullable = false)
    private UUID programId;

    @Column(name = "started_by", nullable = false, length = 200)
    private String startedBy;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "total_points", nullable = false)
    private long totalPoints;

    @Column(name = "mentor_count", nullable = false)
    private int mentorCount;

    @Column(name = "mentee_count", nullable = false)
    private int menteeCount;

    @Column(name = "matched_count", nullable = false)
    private int matchedCount;

    @Column(name = "unmatched_count", nullable = false)
    private int unmatchedCount;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "match_run_unmatched", joinColumns = @JoinColumn(name = "run_id"))
    private List<Unmatched> unmatched = new ArrayList<>();

    protected MatchRun() {}

    MatchRun(UUID programId, String startedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.programId = programId;
        this.startedBy = startedBy;
        this.startedAt = now;
        this.status = Status.RUNNING;
    }

    void finish(int mentors, int mentees, long total, int matched, List<Unmatched> left, Instant now) {
        this.mentorCount = mentors;
        this.menteeCount = mentees;
        this.totalPoints = total;
        this.matchedCount = matched;
        this.unmatched.clear();
        this.unmatched.addAll(left);
        this.unmatchedCount = left.size();
        this.status = Status.FINISHED;
        this.finishedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID programId() {
        return programId;
    }

    public String startedBy() {
        return startedBy;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Status status() {
        return status;
    }

    /** The sum of the drafts' points as the run proposed them, in hundredths of a score. */
    public long totalPoints() {
        return totalPoints;
    }

    public int mentorCount() {
        return mentorCount;
    }

    public int menteeCount() {
        return menteeCount;
    }

    public int matchedCount() {
        return matchedCount;
    }

    public int unmatchedCount() {
        return unmatchedCount;
    }

    public List<Unmatched> unmatched() {
        return List.copyOf(unmatched);
    }
}

package app.tandem.mentoring.match;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A mentee asking a mentor of the same program to mentor them, with a message; open until answered or expired. */
@Entity
@Table(name = "mentorship_requests")
class MentorshipRequest {

    public static final int MAX_TEXT = 2000;

    @Id
    private UUID id;

    @Column(name = "program_id", nullable = false)
    private UUID programId;

    @Column(name = "mentee_enrollment_id", nullable = false)
    private UUID menteeEnrollmentId;

    @Column(name = "mentor_enrollment_id", nullable = false)
    private UUID mentorEnrollmentId;

    @Column(nullable = false, length = MAX_TEXT)
    private String message;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RequestStatus status;

    @Column(name = "response_note", length = MAX_TEXT)
    private String responseNote;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "responded_at")
    private Instant respondedAt;

    @Column(name = "reminded_at")
    private Instant remindedAt;

    @Column(name = "lapse_noticed_at")
    private Instant lapseNoticedAt;

    @Version
    private long version;

    protected MentorshipRequest() {}

    MentorshipRequest(
            UUID programId,
            UUID menteeEnrollmentId,
            UUID mentorEnrollmentId,
            String message,
            Duration validity,
            Instant now) {
        this.id = UUID.randomUUID();
        this.programId = programId;
        this.menteeEnrollmentId = menteeEnrollmentId;
        this.mentorEnrollmentId = mentorEnrollmentId;
        this.message = message;
        this.status = RequestStatus.PENDING;
        this.createdAt = now;
        this.expiresAt = now.plus(validity);
    }

    /** The mentor was reminded that the request lapses soon. */
    void reminded(Instant now) {
        this.remindedAt = now;
    }

    /** The mentee was told that the request lapsed. */
    void lapseNoticed(Instant now) {
        this.lapseNoticedAt = now;
    }

    /** Pending and not expired: the mentor can still answer it. */
    public boolean open(Instant now) {
        return status == RequestStatus.PENDING && now.isBefore(expiresAt);
    }

    public boolean expired(Instant now) {
        return status == RequestStatus.PENDING && !now.isBefore(expiresAt);
    }

    /** PENDING, EXPIRED, ACCEPTED, DECLINED, WITHDRAWN or CANCELLED, as people read it. */
    public String state(Instant now) {
        return expired(now) ? "EXPIRED" : status.name();
    }

    void accept(Instant now) {
        requireOpen(now);
        this.status = RequestStatus.ACCEPTED;
        this.respondedAt = now;
    }

    void decline(String note, Instant now) {
        requireOpen(now);
        this.status = RequestStatus.DECLINED;
        this.responseNote = note;
        this.respondedAt = now;
    }

    void withdraw(Instant now) {
        requireOpen(now);
        this.status = RequestStatus.WITHDRAWN;
        this.respondedAt = now;
    }

    /** Closes a pending request, expired or not, that no longer makes sense; other states stay as they are. */
    void cancel(Instant now) {
        if (status == RequestStatus.PENDING) {
            this.status = RequestStatus.CANCELLED;
            this.respondedAt = now;
        }
    }

    private void requireOpen(Instant now) {
        if (!open(now)) {
            throw MatchRefused.requestClosed(this, now);
        }
    }

    public UUID id() {
        return id;
    }

    public UUID programId() {
        return programId;
    }

    public UUID menteeEnrollmentId() {
        return menteeEnrollmentId;
    }

    public UUID mentorEnrollmentId() {
        return mentorEnrollmentId;
    }

    public String message() {
        return message;
    }

    public RequestStatus status() {
        return status;
    }

    public String responseNote() {
        return responseNote;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant respondedAt() {
        return respondedAt;
    }
}

package app.tandem.mentoring.match;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A mentor and a mentee (as members) an admin blocked from being matched in a program. */
@Entity
@Table(name = "blocked_pairs")
class BlockedPair {

    @Id
    private UUID id;

    @Column(name = "program_id", nullable = false)
    private UUID programId;

    @Column(name = "mentor_member_id", nullable = false)
    private UUID mentorMemberId;

    @Column(name = "mentee_member_id", nullable = false)
    private UUID menteeMemberId;

    @Column(name = "blocked_by", nullable = false, length = 200)
    private String blockedBy;

    @Column(name = "blocked_at", nullable = false)
    private Instant blockedAt;

    protected BlockedPair() {}

    BlockedPair(UUID programId, UUID mentorMemberId, UUID menteeMemberId, String blockedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.programId = programId;
        this.mentorMemberId = mentorMemberId;
        this.menteeMemberId = menteeMemberId;
        this.blockedBy = blockedBy;
        this.blockedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID programId() {
        return programId;
    }

    public UUID mentorMemberId() {
        return mentorMemberId;
    }

    public UUID menteeMemberId() {
        return menteeMemberId;
    }

    public String blockedBy() {
        return blockedBy;
    }

    public Instant blockedAt() {
        return blockedAt;
    }
}

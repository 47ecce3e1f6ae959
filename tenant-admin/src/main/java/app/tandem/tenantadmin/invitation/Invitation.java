package app.tandem.tenantadmin.invitation;

import app.tandem.identity.OrgRole;
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

/** An invitation to join the organization in scope with a role; accepted once, within its validity. */
@Entity
@Table(name = "invitations")
public class Invitation {

    /** How long an invitation link works after it was (re)sent. */
    public static final Duration VALIDITY = Duration.ofDays(7);

    @Id
    private UUID id;

    @Column(nullable = false, length = 320)
    private String email;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OrgRole role;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private InvitationStatus status;

    @Column(name = "invited_by", nullable = false, length = 200)
    private String invitedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "last_sent_at", nullable = false)
    private Instant lastSentAt;

    @Column(name = "times_sent", nullable = false)
    private int timesSent;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "import_id")
    private UUID importId;

    @Version
    private long version;

    protected Invitation() {}

    Invitation(
            String email,
            String displayName,
            OrgRole role,
            String tokenHash,
            String invitedBy,
            UUID importId,
            Instant now) {
        this.id = UUID.randomUUID();
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.tokenHash = tokenHash;
        this.status = InvitationStatus.PENDING;
        this.invitedBy = invitedBy;
        this.createdAt = now;
        this.expiresAt = now.plus(VALIDITY);
        this.lastSentAt = now;
        this.timesSent = 1;
        this.importId = importId;
    }

    boolean open(Instant now) {
        return status == InvitationStatus.PENDING && now.isBefore(expiresAt);
    }

    boolean expired(Instant now) {
        return status == InvitationStatus.PENDING && !now.isBefore(expiresAt);
    }

    /** A new link, valid for another {@link #VALIDITY}; the old link stops working. */
    void resend(String newTokenHash, Instant now) {
        if (status != InvitationStatus.PENDING) {
            throw InvitationRefused.notPending(this);
        }
        this.tokenHash = newTokenHash;
        this.lastSentAt = now;
        this.expiresAt = now.plus(VALIDITY);
        this.timesSent++;
    }

    void revoke(Instant now) {
        if (status != InvitationStatus.PENDING) {
            throw InvitationRefused.notPending(this);
        }
        this.status = InvitationStatus.REVOKED;
        this.revokedAt = now;
    }

    void accept(Instant now) {
        if (!open(now)) {
            throw InvitationRefused.notOpen(this, now);
        }
        this.status = InvitationStatus.ACCEPTED;
        this.acceptedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public OrgRole role() {
        return role;
    }

    public InvitationStatus status() {
        return status;
    }

    /** PENDING, EXPIRED, ACCEPTED or REVOKED, as people read it. */
    public String state(Instant now) {
        return expired(now) ? "EXPIRED" : status.name();
    }

    public String invitedBy() {
        return invitedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant lastSentAt() {
        return lastSentAt;
    }

    public int timesSent() {
        return timesSent;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }
}

package app.tandem.identity.member;

import app.tandem.core.tenant.TenantId;
import app.tandem.identity.OrgRole;
import app.tandem.identity.SignedInMember;
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

/** A person's membership of the organization in scope: their Keycloak user, role and status. */
@Entity
@Table(name = "members")
class Member {

    /** Last-seen times are kept to this precision, so that a busy member costs one update per interval, not per click. */
    static final Duration LAST_SEEN_PRECISION = Duration.ofMinutes(5);

    @Id
    private UUID id;

    @Column(name = "keycloak_user_id", length = 64)
    private String keycloakUserId;

    @Column(nullable = false, length = 320)
    private String email;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OrgRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MemberStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    @Version
    private long version;

    protected Member() {}

    Member(String keycloakUserId, String email, String displayName, OrgRole role, Instant now) {
        this.id = UUID.randomUUID();
        this.keycloakUserId = keycloakUserId;
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.status = MemberStatus.ACTIVE;
        this.createdAt = now;
    }

    /** Records the Keycloak user on first sign-in and keeps email and name as Keycloak has them now. */
    void signedIn(String keycloakUserId, String email, String displayName, Instant now) {
        this.keycloakUserId = keycloakUserId;
        if (email != null && !email.isBlank()) {
            this.email = email;
        }
        if (displayName != null && !displayName.isBlank()) {
            this.displayName = displayName;
        }
        seen(now);
    }

    /** Whether {@link #seen} would change anything: the last-seen time is older than its precision. */
    boolean seenLongAgo(Instant now) {
        return lastSeenAt == null || lastSeenAt.plus(LAST_SEEN_PRECISION).isBefore(now);
    }

    void seen(Instant now) {
        this.lastSeenAt = now;
    }

    void changeRole(OrgRole role) {
        this.role = role;
    }

    void deactivate(Instant now) {
        this.status = MemberStatus.DEACTIVATED;
        this.deactivatedAt = now;
    }

    void reactivate() {
        this.status = MemberStatus.ACTIVE;
        this.deactivatedAt = null;
    }

    MemberView view() {
        return new MemberView(
                id, keycloakUserId, email, displayName, role, status, createdAt, lastSeenAt, deactivatedAt);
    }

    SignedInMember snapshot(TenantId tenant) {
        return new SignedInMember(id, tenant, keycloakUserId, email, displayName, role);
    }

    public UUID id() {
        return id;
    }

    public String keycloakUserId() {
        return keycloakUserId;
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

    public MemberStatus status() {
        return status;
    }

    public boolean active() {
        return status == MemberStatus.ACTIVE;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }

    public Instant deactivatedAt() {
        return deactivatedAt;
    }
}

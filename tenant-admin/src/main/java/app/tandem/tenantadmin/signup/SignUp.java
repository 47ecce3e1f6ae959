package app.tandem.tenantadmin.signup;

import app.tandem.core.tenant.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One self-service sign-up: the organization's provisioning job and the first admin it asked for. The first-admin step
 * reads it, so a job resumed after a crash still knows whom to invite, and records what it did with Keycloak so that
 * a retry repeats nothing and a compensation knows what to undo.
 */
@Entity
@Table(schema = "platform", name = "signups")
class SignUp {

    @Id
    @Column(name = "job_id")
    private UUID jobId;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(nullable = false, length = 40)
    private String slug;

    @Column(name = "admin_email", nullable = false, length = 320)
    private String adminEmail;

    @Column(name = "admin_first_name", nullable = false, length = 100)
    private String adminFirstName;

    @Column(name = "admin_last_name", nullable = false, length = 100)
    private String adminLastName;

    @Column(name = "terms_accepted_at", nullable = false)
    private Instant termsAcceptedAt;

    @Column(name = "client_hash", nullable = false, length = 64)
    private String clientHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "admin_user_id", length = 64)
    private String adminUserId;

    @Column(name = "admin_was_new")
    private Boolean adminWasNew;

    @Column(name = "invited_at")
    private Instant invitedAt;

    @Version
    private long version;

    protected SignUp() {}

    SignUp(UUID jobId, TenantId tenantId, SignUpRequest.Valid request, String clientHash, Instant now) {
        this.jobId = jobId;
        this.tenantId = tenantId.value();
        this.slug = request.slug().value();
        this.adminEmail = request.email();
        this.adminFirstName = request.firstName();
        this.adminLastName = request.lastName();
        this.termsAcceptedAt = now;
        this.clientHash = clientHash;
        this.createdAt = now;
    }

    /** Remembers the admin's Keycloak user, and whether this sign-up created it, before anything else uses it. */
    void adminUserFound(String userId, boolean created) {
        if (adminUserId == null) {
            adminUserId = userId;
            adminWasNew = created;
        }
    }

    void invited(Instant now) {
        if (invitedAt == null) {
            invitedAt = now;
        }
    }

    boolean sameAdmin(String email) {
        return adminEmail.equalsIgnoreCase(email);
    }

    UUID jobId() {
        return jobId;
    }

    TenantId tenantId() {
        return new TenantId(tenantId);
    }

    String slug() {
        return slug;
    }

    String adminEmail() {
        return adminEmail;
    }

    String adminFirstName() {
        return adminFirstName;
    }

    String adminLastName() {
        return adminLastName;
    }

    String adminDisplayName() {
        return adminFirstName + " " + adminLastName;
    }

    Instant termsAcceptedAt() {
        return termsAcceptedAt;
    }

    String adminUserId() {
        return adminUserId;
    }

    boolean adminWasNew() {
        return Boolean.TRUE.equals(adminWasNew);
    }

    Instant invitedAt() {
        return invitedAt;
    }

    Instant createdAt() {
        return createdAt;
    }
}

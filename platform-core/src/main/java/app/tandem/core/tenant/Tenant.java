package app.tandem.core.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** One organization's instance, as the platform knows it. State changes go through the methods that guard them. */
@Entity
@Table(schema = "platform", name = "tenants")
public class Tenant {

    /** The longest reason a suspension or deletion may give. */
    public static final int MAX_REASON_LENGTH = 500;

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = TenantSlug.MAX_LENGTH)
    private String slug;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private TenantKind kind;

    @Column(name = "schema_name", nullable = false, unique = true, length = 63)
    private String schemaName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private TenantStatus status;

    @Column(name = "status_reason", length = 500)
    private String statusReason;

    @Column(name = "deletion_due_at")
    private Instant deletionDueAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Tenant() {}

    /** A new tenant whose instance is still being provisioned. */
    public Tenant(TenantId id, TenantSlug slug, String displayName, TenantKind kind, Instant now) {
        this.id = id.value();
        this.slug = slug.value();
        this.displayName = requireDisplayName(displayName);
        this.kind = kind;
        this.schemaName = id.schemaName();
        this.status = TenantStatus.PROVISIONING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    static String requireDisplayName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            throw new InvalidTenantInput("name", "Enter the name of the organization.");
        }
        var trimmed = displayName.strip();
        if (trimmed.length() > 200) {
            throw new InvalidTenantInput("name", "The organization's name is at most 200 characters long.");
        }
        return trimmed;
    }

    private static String requireReason(String reason, String whenMissing) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidTenantInput("reason", whenMissing);
        }
        var trimmed = reason.strip();
        if (trimmed.length() > MAX_REASON_LENGTH) {
            throw new InvalidTenantInput(
                    "reason",
                    "A reason is at most " + MAX_REASON_LENGTH + " characters long (this one has " + trimmed.length()
                            + ").");
        }
        return trimmed;
    }

    /** Provisioning finished: the instance opens. */
    public void activate(Instant now) {
        transition(EnumSet.of(TenantStatus.PROVISIONING), TenantStatus.ACTIVE, null, now);
    }

    public void suspend(String reason, Instant now) {
        var given = requireReason(reason, "Give a reason for the suspension; the organization will see it.");
        transition(EnumSet.of(TenantStatus.ACTIVE), TenantStatus.SUSPENDED, given, now);
    }

    public void reactivate(Instant now) {
        transition(EnumSet.of(TenantStatus.SUSPENDED), TenantStatus.ACTIVE, null, now);
    }

    /**
     * Closes the instance for good: routing refuses it from now on, and from {@code dueAt} the deletion job may drop
     * its data. Until then the deletion can be cancelled and the data exported.
     */
    public void scheduleDeletion(String reason, Instant dueAt, Instant now) {
        var given = requireReason(reason, "Give a reason for the deletion; it is kept with the tenant.");
        if (dueAt == null || dueAt.isBefore(now)) {
            throw new InvalidTenantInput("due", "The deletion cannot be due in the past.");
        }
        transition(EnumSet.of(TenantStatus.ACTIVE, TenantStatus.SUSPENDED), TenantStatus.PENDING_DELETION, given, now);
        this.deletionDueAt = dueAt;
    }

    /**
     * Calls a scheduled deletion off. The tenant stays closed (SUSPENDED) until an operator reactivates it on purpose:
     * an organization that was being deleted should not reopen to its members by the same click that saves its data.
     */
    public void cancelDeletion(Instant now) {
        transition(EnumSet.of(TenantStatus.PENDING_DELETION), TenantStatus.SUSPENDED, "Deletion cancelled", now);
        this.deletionDueAt = null;
    }

    /** Records that the deletion was carried out; refused before the deletion is due. */
    public void markDeleted(Instant now) {
        if (status == TenantStatus.PENDING_DELETION && now.isBefore(deletionDueAt)) {
            throw new TenantStateConflict(slug, status, TenantStatus.DELETED);
        }
        transition(EnumSet.of(TenantStatus.PENDING_DELETION), TenantStatus.DELETED, statusReason, now);
        this.deletionDueAt = null;
    }

    /** Whether a scheduled deletion is due at {@code now}. */
    public boolean deletionDue(Instant now) {
        return status == TenantStatus.PENDING_DELETION && !now.isBefore(deletionDueAt);
    }

    private void transition(Set<TenantStatus> from, TenantStatus to, String reason, Instant now) {
        if (!from.contains(status)) {
            throw new TenantStateConflict(slug, status, to);
        }
        this.status = to;
        this.statusReason = reason;
        this.updatedAt = now;
    }

    public TenantId id() {
        return new TenantId(id);
    }

    public TenantSlug slug() {
        return new TenantSlug(slug);
    }

    public String displayName() {
        return displayName;
    }

    public TenantKind kind() {
        return kind;
    }

    public String schemaName() {
        return schemaName;
    }

    public TenantStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    /** When a scheduled deletion is due; null unless the tenant is PENDING_DELETION. */
    public Instant deletionDueAt() {
        return deletionDueAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}

package app.tandem.core.tenant;

/**
 * Where a tenant is in its life: {@code PROVISIONING -> ACTIVE <-> SUSPENDED -> PENDING_DELETION -> DELETED}; a
 * deletion can be cancelled back to {@code SUSPENDED}.
 */
public enum TenantStatus {
    PROVISIONING,
    ACTIVE,
    SUSPENDED,
    PENDING_DELETION,
    DELETED
}

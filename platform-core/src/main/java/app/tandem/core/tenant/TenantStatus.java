package app.tandem.core.tenant;

/**
 * Where a tenant is in its life: {@code PROVISIONING -> ACTIVE <-> SUSPENDED -> PENDING_DELETION -> DELETED}; a
 * deletion can be cancelled back to {@code SUSPENDED} until it is due. A DELETED tenant keeps its row, slug and hosts,
 * so its address never passes to another organization; its schema and identity-provider organization are gone.
 */
public enum TenantStatus {
    PROVISIONING,
    ACTIVE,
    SUSPENDED,
    PENDING_DELETION,
    DELETED
}

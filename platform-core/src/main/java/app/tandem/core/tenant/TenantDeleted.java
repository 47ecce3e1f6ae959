package app.tandem.core.tenant;

/**
 * A tenant's deletion was carried out: its schema is gone and it is DELETED. Published inside the transaction that
 * records it, for modules that hold something of the tenant elsewhere (billing cancels its subscription).
 */
public record TenantDeleted(TenantId tenantId, TenantSlug slug) {}

package app.tandem.core.tenant;

/**
 * Something that routing depends on changed: a tenant's status, its hosts, or its schema's migration state. A
 * {@code null} tenant means "possibly every tenant".
 */
public record TenantChanged(TenantId tenantId) {

    public static TenantChanged everyTenant() {
        return new TenantChanged(null);
    }
}

package app.tandem.core.context;

/**
 * Tenant data was touched with no tenant in scope. This is a programming error: the work must run inside a request on
 * a tenant host or inside {@link TenantScope}. It is never answered by falling back to another schema.
 */
public class NoTenantInScope extends IllegalStateException {

    public NoTenantInScope() {
        super("No tenant is in scope: run tenant work inside a tenant request or TenantScope.run(...)");
    }
}

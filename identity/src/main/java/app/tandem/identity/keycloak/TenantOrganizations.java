package app.tandem.identity.keycloak;

import app.tandem.core.tenant.TenantId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which Keycloak organization is which tenant ({@code platform.tenant_organizations}). A token or session is good for
 * a tenant only when its organization claim names this id.
 */
@Component
public class TenantOrganizations {

    private final JdbcClient jdbc;

    /**
     * Read on every signed-in request, written once per tenant: a binding never changes to another organization (a
     * re-provisioned slug is a new tenant id), so what was read once stays true; only absence is asked again.
     */
    private final Map<TenantId, String> known = new ConcurrentHashMap<>();

    TenantOrganizations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The id of the tenant's organization; empty until provisioning created it. */
    public Optional<String> organizationOf(TenantId tenant) {
        var cached = known.get(tenant);
        if (cached != null) {
            return Optional.of(cached);
        }
        var stored = jdbc.sql("select organization_id from platform.tenant_organizations where tenant_id = ?")
                .param(tenant.value())
                .query(String.class)
                .optional();
        stored.ifPresent(organization -> known.put(tenant, organization));
        return stored;
    }

    void bind(TenantId tenant, String organizationId) {
        known.remove(tenant);
        jdbc.sql("""
                        insert into platform.tenant_organizations (tenant_id, organization_id) values (?, ?)
                        on conflict (tenant_id) do update set organization_id = excluded.organization_id
                        """).param(tenant.value()).param(organizationId).update();
    }

    void unbind(TenantId tenant) {
        known.remove(tenant);
        jdbc.sql("delete from platform.tenant_organizations where tenant_id = ?")
                .param(tenant.value())
                .update();
    }
}

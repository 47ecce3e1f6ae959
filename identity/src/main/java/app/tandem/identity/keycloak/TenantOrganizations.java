package app.tandem.identity.keycloak;

import app.tandem.core.tenant.TenantId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which Keycloak organization is which tenant ({@code platform.tenant_organizations}). A token or session is good for
 * a tenant only when its organization claim names this id.
 */
@Component
public class TenantOrganizations {

    private final JdbcClient jdbc;

    TenantOrganizations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The id of the tenant's organization; empty until provisioning created it. */
    public Optional<String> organizationOf(TenantId tenant) {
        return jdbc.sql("select organization_id from platform.tenant_organizations where tenant_id = ?")
                .param(tenant.value())
                .query(String.class)
                .optional();
    }

    void bind(TenantId tenant, String organizationId) {
        jdbc.sql("""
                        insert into platform.tenant_organizations (tenant_id, organization_id) values (?, ?)
                        on conflict (tenant_id) do update set organization_id = excluded.organization_id
                        """).param(tenant.value()).param(organizationId).update();
    }

    void unbind(TenantId tenant) {
        jdbc.sql("delete from platform.tenant_organizations where tenant_id = ?")
                .param(tenant.value())
                .update();
    }
}

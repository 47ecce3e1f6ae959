package app.tandem.core.routing;

import app.tandem.core.CoreProperties;
import app.tandem.core.migration.MigrationState;
import app.tandem.core.tenant.TenantChanged;
import app.tandem.core.tenant.TenantId;
import app.tandem.core.tenant.TenantKind;
import app.tandem.core.tenant.TenantStatus;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Host to tenant, served from memory. An entry is re-read in the background once it is older than
 * {@code tandem.core.routing-cache-ttl} (so other nodes' changes arrive within that time) and dropped at once when
 * this node changes the tenant. Unknown hosts are remembered too, so random hosts cannot flood the database.
 */
@Component
class RoutingTable {

    private static final int MAX_HOSTS = 200_000;

    private final JdbcClient jdbc;
    private final LoadingCache<String, Optional<TenantRoute>> routes;

    RoutingTable(JdbcClient jdbc, CoreProperties properties) {
        this.jdbc = jdbc;
        var ttl = properties.routingCacheTtl();
        this.routes = Caffeine.newBuilder()
                .maximumSize(MAX_HOSTS)
                .refreshAfterWrite(ttl)
                .expireAfterWrite(ttl.multipliedBy(6))
                .build(this::load);
    }

    Optional<TenantRoute> resolve(String host) {
        return routes.get(host);
    }

    private Optional<TenantRoute> load(String host) {
        return jdbc.sql("""
                        select t.id, t.slug, t.display_name, t.kind, t.status, m.state, m.schema_version
                        from platform.tenant_hosts h
                        join platform.tenants t on t.id = h.tenant_id
                        left join platform.tenant_migrations m on m.tenant_id = t.id
                        where h.host = ?
                        """)
                .param(host)
                .query((row, n) -> new TenantRoute(
                        new TenantId(row.getObject(1, UUID.class)),
                        row.getString(2),
                        row.getString(3),
                        TenantKind.valueOf(row.getString(4)),
                        TenantStatus.valueOf(row.getString(5)),
                        row.getString(6) == null ? MigrationState.PENDING : MigrationState.valueOf(row.getString(6)),
                        row.getString(7)))
                .optional();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TenantChanged changed) {
        if (changed.tenantId() == null) {
            routes.invalidateAll();
            return;
        }
        routes.asMap()
                .entrySet()
                .removeIf(entry -> entry.getValue().isEmpty()
                        || entry.getValue().get().id().equals(changed.tenantId()));
    }
}

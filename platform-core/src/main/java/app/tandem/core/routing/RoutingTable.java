package app.tandem.core.routing;

import app.tandem.core.migration.MigrationState;
import app.tandem.core.tenant.TenantChanged;
import app.tandem.core.tenant.TenantId;
import app.tandem.core.tenant.TenantKind;
import app.tandem.core.tenant.TenantStatus;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Host to tenant, served from memory. This node's own changes drop the affected entries at once; changes made by
 * other nodes (or by hand) move {@code platform.routing_epoch}, which is checked every
 * {@code tandem.core.routing-sync-interval} with one tiny query, and then every entry is dropped. Unknown hosts are
 * remembered too, so random hosts cannot flood the database. Entries also expire after a minute, whatever happens.
 */
@Component
class RoutingTable {

    private static final int MAX_HOSTS = 200_000;
    private static final Duration MAX_AGE = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final LoadingCache<String, Optional<TenantRoute>> routes;
    private final AtomicLong epoch = new AtomicLong(Long.MIN_VALUE);

    RoutingTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.routes = Caffeine.newBuilder()
                .maximumSize(MAX_HOSTS)
                .expireAfterWrite(MAX_AGE)
                .build(this::load);
    }

    Optional<TenantRoute> resolve(String host) {
        return routes.get(host);
    }

    private Optional<TenantRoute> load(String host) {
        return jdbc.sql("""
                        select t.id, t.slug, t.display_name, t.kind, t.status, t.status_reason, m.state, m.schema_version
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
                        row.getString(6),
                        row.getString(7) == null ? MigrationState.PENDING : MigrationState.valueOf(row.getString(7)),
                        row.getString(8)))
                .optional();
    }

    /** Drops every cached route when the routing epoch moved since the last look. */
    @Scheduled(fixedDelayString = "${tandem.core.routing-sync-interval:5s}")
    void followChangesOfOtherNodes() {
        long current = jdbc.sql("select epoch from platform.routing_epoch where id = 1")
                .query(Long.class)
                .single();
        if (epoch.getAndSet(current) != current) {
            routes.invalidateAll();
        }
    }

    // After completion rather than after commit: dropping a cached route after a rollback costs one look-up, and a
    // listener after commit would have each change recorded in the (tenant-scoped) event publication registry.
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
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

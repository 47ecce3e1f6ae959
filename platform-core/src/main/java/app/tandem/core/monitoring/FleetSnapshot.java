package app.tandem.core.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts of tenants by status and of tenant schemas by migration state, read in one query and kept for a few
 * seconds, so that scrapes and health checks never load the database however often they come.
 */
@Component
class FleetSnapshot {

    private static final Duration MAX_AGE = Duration.ofSeconds(10);

    record Counts(Map<String, Long> tenantsByStatus, Map<String, Long> schemasByState, Instant readAt) {

        long tenants(String status) {
            return tenantsByStatus.getOrDefault(status, 0L);
        }

        long schemas(String state) {
            return schemasByState.getOrDefault(state, 0L);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Counts counts;

    FleetSnapshot(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Counts current() {
        var snapshot = counts;
        if (snapshot == null || snapshot.readAt().plus(MAX_AGE).isBefore(clock.instant())) {
            snapshot = read();
            counts = snapshot;
        }
        return snapshot;
    }

    private Counts read() {
        var tenants = new HashMap<String, Long>();
        var schemas = new HashMap<String, Long>();
        jdbc.sql("""
                        select 'tenant' as kind, status as name, count(*) from platform.tenants group by status
                        union all
                        select 'schema', m.state, count(*) from platform.tenant_migrations m
                        join platform.tenants t on t.id = m.tenant_id
                        where t.status in ('ACTIVE', 'SUSPENDED', 'PENDING_DELETION') group by m.state
                        """).query(row -> {
            var target = "tenant".equals(row.getString(1)) ? tenants : schemas;
            target.put(row.getString(2), row.getLong(3));
        });
        return new Counts(Map.copyOf(tenants), Map.copyOf(schemas), clock.instant());
    }
}

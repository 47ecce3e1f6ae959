package app.tandem.core.monitoring;

import app.tandem.core.migration.MigrationState;
import java.util.Locale;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports tenant schemas by migration state. It stays UP when some tenants failed to migrate: those answer 503 on
 * their own, and taking the node out of the load balancer would punish every other tenant. Operators alert on
 * {@code failed} (or on the {@code tandem.tenant.schemas{state="FAILED"}} gauge) instead.
 */
@Component("tenantMigrations")
class TenantMigrationsHealth implements HealthIndicator {

    private final FleetSnapshot snapshot;

    TenantMigrationsHealth(FleetSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    public Health health() {
        var counts = snapshot.current();
        var health = Health.up();
        for (var state : MigrationState.values()) {
            health.withDetail(state.name().toLowerCase(Locale.ROOT), counts.schemas(state.name()));
        }
        return health.build();
    }
}

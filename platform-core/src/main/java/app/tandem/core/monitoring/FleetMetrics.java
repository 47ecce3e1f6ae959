package app.tandem.core.monitoring;

import app.tandem.core.migration.MigrationState;
import app.tandem.core.tenant.TenantStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** {@code tandem.tenants{status}} and {@code tandem.tenant.schemas{state}}. */
@Component
class FleetMetrics implements MeterBinder {

    private final FleetSnapshot snapshot;

    FleetMetrics(FleetSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (var status : TenantStatus.values()) {
            Gauge.builder("tandem.tenants", snapshot, s -> s.current().tenants(status.name()))
                    .description("Tenants by lifecycle status")
                    .tag("status", status.name())
                    .register(registry);
        }
        for (var state : MigrationState.values()) {
            Gauge.builder("tandem.tenant.schemas", snapshot, s -> s.current().schemas(state.name()))
                    .description("Schemas of tenants with data, by migration state")
                    .tag("state", state.name())
                    .register(registry);
        }
    }
}

package app.tandem.billing.account;

import app.tandem.billing.plan.PlanCatalog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code tandem.billing.seats{plan}} and {@code tandem.billing.accounts{plan}}: the fleet's seats and organizations by
 * plan, from the platform's accounts in one query kept for a few seconds. One series per plan, never per tenant.
 */
@Component
class BillingMetrics implements MeterBinder {

    private static final Duration MAX_AGE = Duration.ofSeconds(10);

    private record Totals(Map<String, long[]> byPlan, Instant readAt) {}

    private final JdbcClient jdbc;
    private final PlanCatalog catalog;
    private final Clock clock;
    private volatile Totals totals;

    BillingMetrics(JdbcClient jdbc, PlanCatalog catalog, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (var plan : catalog.all()) {
            Gauge.builder("tandem.billing.seats", this, m -> m.current(plan.code())[1])
                    .description("Program seats held, by plan, as last counted from each organization's ledger")
                    .tag("plan", plan.code())
                    .register(registry);
            Gauge.builder("tandem.billing.accounts", this, m -> m.current(plan.code())[0])
                    .description("Organizations not cancelled, by plan")
                    .tag("plan", plan.code())
                    .register(registry);
        }
    }

    private long[] current(String plan) {
        var snapshot = totals;
        if (snapshot == null || snapshot.readAt().plus(MAX_AGE).isBefore(clock.instant())) {
            var read = new HashMap<String, long[]>();
            jdbc.sql("""
                            select plan, count(*), coalesce(sum(seats), 0) from platform.billing_accounts
                            where status <> 'CANCELED' group by plan
                            """).query(row -> {
                read.put(row.getString(1), new long[] {row.getLong(2), row.getLong(3)});
            });
            snapshot = new Totals(Map.copyOf(read), clock.instant());
            totals = snapshot;
        }
        return snapshot.byPlan().getOrDefault(plan, new long[2]);
    }
}

package app.tandem.billing.subscription;

import app.tandem.billing.account.BillingAccounts;
import app.tandem.billing.payment.PaymentGateway;
import app.tandem.billing.seat.SeatLedger;
import app.tandem.core.context.TenantJobs;
import app.tandem.core.context.TenantJobs.Report;
import app.tandem.core.tenant.TenantId;
import app.tandem.core.tenant.TenantRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a day, every subscription is compared with its organization's ledger and mended where they drifted apart: the
 * platform's seat count is taken again from the tenant's ledger, the subscription is read from the provider and taken
 * on as a webhook would (a missed event changes nothing for long), and a quantity that differs from the ledger is sent
 * again at once. Each organization is claimed for the day, so several nodes share the work without doing it twice.
 *
 * <p>{@code tandem.billing.reconciliation{outcome}} counts the organizations compared ({@code in-step}), mended
 * ({@code drift-mended}) and those whose subscription could not be read ({@code failed}).
 */
@Component
public class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    /** How long ago a reconciliation must have been for an organization to be compared again. */
    private static final Duration AGAIN_AFTER = Duration.ofHours(20);

    private static final String JOB = "billing-reconciliation";

    private final BillingAccounts accounts;
    private final SeatLedger ledger;
    private final ObjectProvider<PaymentGateway> gateway;
    private final TenantRegistry tenants;
    private final TenantJobs jobs;
    private final Clock clock;
    private final Counter inStep;
    private final Counter mended;
    private final Counter failed;

    Reconciliation(
            BillingAccounts accounts,
            SeatLedger ledger,
            ObjectProvider<PaymentGateway> gateway,
            TenantRegistry tenants,
            TenantJobs jobs,
            Clock clock,
            MeterRegistry meters) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.gateway = gateway;
        this.tenants = tenants;
        this.jobs = jobs;
        this.clock = clock;
        this.inStep = counter(meters, "in-step");
        this.mended = counter(meters, "drift-mended");
        this.failed = counter(meters, "failed");
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("tandem.billing.reconciliation")
                .description("Subscriptions compared with the seat ledger, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    /** Compares every subscription not compared in the last 20 hours; without a payment provider, nothing. */
    @Scheduled(cron = "${tandem.billing.reconciliation.cron:0 30 3 * * *}", zone = "UTC")
    public Report run() {
        var payments = gateway.getIfAvailable();
        if (payments == null) {
            return new Report(JOB, 0, List.of(), Duration.ZERO);
        }
        var subscribed = accounts.subscribed().stream()
                .map(tenants::find)
                .flatMap(Optional::stream)
                .filter(tenant -> TenantRegistry.WITH_SCHEMA.contains(tenant.status()))
                .toList();
        var since = clock.instant().minus(AGAIN_AFTER);
        var report = jobs.forEach(JOB, subscribed, tenant -> {
            if (accounts.claimReconciliation(tenant.id(), since)) {
                reconcile(tenant.id(), payments);
            }
        });
        report.failures().forEach(failure -> failed.increment());
        return report;
    }

    /** Mends one organization; runs in its tenant scope. */
    void reconcile(TenantId tenant, PaymentGateway payments) {
        accounts.recordSeats(tenant, ledger.total(), clock.instant());
        var customer = accounts.customerOf(tenant).orElse(null);
        if (customer == null || customer.subscriptionId() == null) {
            return;
        }
        var subscription = payments.subscription(customer.subscriptionId());
        if (!accounts.owns(tenant, subscription)) {
            failed.increment();
            return;
        }
        var taken = accounts.reconcile(tenant, subscription);
        if (taken.quantityMended()) {
            mended.increment();
            log.info("Billing reconciliation: the subscription of tenant {} had drifted from its ledger", tenant);
        } else {
            inStep.increment();
        }
    }
}

package app.tandem.billing.account;

import app.tandem.billing.BillingProperties;
import app.tandem.billing.plan.PlanCatalog;
import app.tandem.core.context.TenantContext;
import app.tandem.core.tenant.TenantDeleted;
import app.tandem.core.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organizations' billing accounts: each starts on a trial when it is provisioned; its limits are those of the plan
 * in force (the trial plan until the trial ends, then the fallback plan unless a paid plan was chosen); its seat count
 * is kept for the operators' fleet view from its own ledger.
 */
@Service
public class BillingAccounts {

    private final BillingAccountRepository accounts;
    private final PlanCatalog catalog;
    private final BillingProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    BillingAccounts(
            BillingAccountRepository accounts,
            PlanCatalog catalog,
            BillingProperties properties,
            JdbcClient jdbc,
            Clock clock) {
        this.accounts = accounts;
        this.catalog = catalog;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Opens the organization's account on its trial; an account that exists is left as it is. */
    @Transactional
    public void startTrial(TenantId tenant) {
        if (accounts.existsById(tenant.value())) {
            return;
        }
        var now = clock.instant();
        var plan = catalog.get(properties.trial().plan());
        accounts.save(BillingAccount.trial(
                tenant, plan.code(), now.plus(properties.trial().length()), now));
    }

    /** Removes the account of an organization whose provisioning was rolled back. */
    @Transactional
    public void forget(TenantId tenant) {
        accounts.deleteById(tenant.value());
    }

    /** What the organization in scope may use now. */
    @Transactional(readOnly = true)
    public Limits limitsInScope() {
        return overview(TenantContext.require()).limits();
    }

    /** The organization's billing now. An organization without an account (none was provisioned) is on the trial. */
    @Transactional(readOnly = true)
    public BillingOverview overview(TenantId tenant) {
        var now = clock.instant();
        var account = accounts.findById(tenant.value()).orElse(null);
        if (account == null) {
            var plan = catalog.get(properties.trial().plan());
            var limits = new Limits(plan, plan.seatLimit(), plan.openProgramLimit(), plan.policy());
            return new BillingOverview(
                    plan.code(),
                    plan.name(),
                    AccountStatus.TRIALING,
                    null,
                    false,
                    limits.seatLimit(),
                    limits.openProgramLimit(),
                    limits,
                    false,
                    0,
                    null);
        }
        var trialEnded = account.trialOver(now);
        var plan = trialEnded
                ? catalog.get(properties.trial().afterwards())
                : account.status() == AccountStatus.CANCELED
                        ? catalog.get(properties.trial().afterwards())
                        : catalog.find(account.plan())
                                .orElseGet(() -> catalog.get(properties.trial().afterwards()));
        var seatLimit = account.seatLimit() != null ? account.seatLimit() : plan.seatLimit();
        var limits = new Limits(plan, seatLimit, plan.openProgramLimit(), plan.policy());
        return new BillingOverview(
                plan.code(),
                plan.name(),
                account.status(),
                account.trialEndsAt(),
                trialEnded,
                seatLimit,
                plan.openProgramLimit(),
                limits,
                account.comped(),
                account.seats(),
                account.graceEndsAt());
    }

    /**
     * Records the organization's seat count for the fleet view, read from its own ledger in the caller's transaction;
     * an older count never overwrites a newer one.
     */
    @Transactional
    public void recordSeats(TenantId tenant, int seats, Instant countedAt) {
        jdbc.sql("""
                        update platform.billing_accounts
                        set seats = :seats, seats_counted_at = :at, updated_at = :now
                        where tenant_id = :tenant and (seats_counted_at is null or seats_counted_at <= :at)
                        """)
                .param("seats", seats)
                .param("at", java.sql.Timestamp.from(countedAt))
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("tenant", tenant.value())
                .update();
    }

    /** A deleted organization's account is cancelled with it; the row stays for the record. */
    @EventListener
    void on(TenantDeleted deleted) {
        accounts.findById(deleted.tenantId().value()).ifPresent(account -> account.cancel(clock.instant()));
    }
}

package app.tandem.billing.account;

import app.tandem.billing.BillingProperties;
import app.tandem.billing.payment.PaymentGateway;
import app.tandem.billing.payment.PaymentGateway.SubscriptionState;
import app.tandem.billing.plan.Plan;
import app.tandem.billing.plan.PlanCatalog;
import app.tandem.core.context.TenantContext;
import app.tandem.core.tenant.TenantDeleted;
import app.tandem.core.tenant.TenantId;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.tenant.TenantStatus;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The organizations' billing accounts: each starts on a trial when it is provisioned; its limits are those of the plan
 * in force (the trial plan until the trial ends, then the fallback plan unless a paid plan was chosen); its seat count
 * is kept for the operators' fleet view from its own ledger.
 */
@Service
public class BillingAccounts {

    private static final Logger log = LoggerFactory.getLogger(BillingAccounts.class);

    private final BillingAccountRepository accounts;
    private final PlanCatalog catalog;
    private final BillingProperties properties;
    private final JdbcClient jdbc;
    private final TenantRegistry tenants;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<PaymentGateway> gateway;
    private final Clock clock;

    BillingAccounts(
            BillingAccountRepository accounts,
            PlanCatalog catalog,
            BillingProperties properties,
            JdbcClient jdbc,
            TenantRegistry tenants,
            ApplicationEventPublisher events,
            ObjectProvider<PaymentGateway> gateway,
            Clock clock) {
        this.accounts = accounts;
        this.catalog = catalog;
        this.properties = properties;
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.events = events;
        this.gateway = gateway;
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

    /**
     * The limits in force for an account in this state now: its plan's, or the fallback plan's once a trial ended unpaid
     * or the subscription was cancelled, with the account's own seat limit where it has one. Without an account
     * ({@code planCode} null) the trial's. For the seat ledger, which reads the account in its own statement.
     */
    public Limits limitsOf(String planCode, AccountStatus status, Instant trialEndsAt, Integer accountSeatLimit) {
        if (planCode == null) {
            var plan = catalog.get(properties.trial().plan());
            return new Limits(plan, plan.seatLimit(), plan.openProgramLimit(), plan.policy());
        }
        var trialEnded = BillingAccount.trialOver(status, trialEndsAt, clock.instant());
        var plan = trialEnded || status == AccountStatus.CANCELED
                ? catalog.get(properties.trial().afterwards())
                : catalog.find(planCode)
                        .orElseGet(() -> catalog.get(properties.trial().afterwards()));
        var seatLimit = accountSeatLimit != null ? accountSeatLimit : plan.seatLimit();
        return new Limits(plan, seatLimit, plan.openProgramLimit(), plan.policy());
    }

    /** The organization's billing now. An organization without an account (none was provisioned) is on the trial. */
    @Transactional(readOnly = true)
    public BillingOverview overview(TenantId tenant) {
        var now = clock.instant();
        var account = accounts.findById(tenant.value()).orElse(null);
        if (account == null) {
            var limits = limitsOf(null, null, null, null);
            var plan = limits.plan();
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
        var limits = limitsOf(account.plan(), account.status(), account.trialEndsAt(), account.seatLimit());
        var plan = limits.plan();
        var seatLimit = limits.seatLimit();
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
     * an older count never overwrites a newer one. A changed count is a new version in the quantity outbox, sent to
     * the subscription once the debounce has passed.
     */
    @Transactional
    public void recordSeats(TenantId tenant, int seats, Instant countedAt) {
        var now = clock.instant();
        jdbc.sql("""
                        update platform.billing_accounts
                        set seats_version = seats_version + case when seats <> :seats then 1 else 0 end,
                            sync_due_at = case when seats <> :seats and stripe_item_id is not null
                                               then coalesce(sync_due_at, :due) else sync_due_at end,
                            seats = :seats, seats_counted_at = :at, updated_at = :now
                        where tenant_id = :tenant and (seats_counted_at is null or seats_counted_at <= :at)
                        """)
                .param("seats", seats)
                .param("at", Timestamp.from(countedAt))
                .param("due", Timestamp.from(now.plus(properties.sync().debounce())))
                .param("now", Timestamp.from(now))
                .param("tenant", tenant.value())
                .update();
    }

    /** Notes the organization's customer at the payment provider. */
    @Transactional
    public void attachCustomer(TenantId tenant, String customerId) {
        accounts.findById(tenant.value())
                .orElseThrow(BillingRefused::noAccount)
                .attachCustomer(customerId, clock.instant());
    }

    /** The organization's customer at the payment provider, once it has one. */
    @Transactional(readOnly = true)
    public Optional<Customer> customerOf(TenantId tenant) {
        return accounts.findById(tenant.value())
                .filter(account -> account.stripeCustomerId() != null)
                .map(account -> new Customer(
                        account.stripeCustomerId(), account.stripeSubscriptionId(), account.stripeStatus()));
    }

    /** A checkout the organization opened at the provider that could still be paid. */
    public record OpenCheckout(String sessionId, Instant expiresAt) {}

    /**
     * Makes the organization's checkouts take turns until the caller's transaction ends (only checkouts wait: not
     * enrollments, webhooks or the quantity sync), and returns the checkout opened before, unless it has expired.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<OpenCheckout> lockCheckout(TenantId tenant) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("checkout:" + tenant.value())
                .query(Object.class)
                .optional();
        return jdbc.sql("""
                        select checkout_session_id, checkout_expires_at from platform.billing_accounts
                        where tenant_id = ? and checkout_session_id is not null and checkout_expires_at > ?
                        """)
                .params(tenant.value(), Timestamp.from(clock.instant()))
                .query((row, n) ->
                        new OpenCheckout(row.getString(1), row.getTimestamp(2).toInstant()))
                .optional();
    }

    /** Records the organization's open checkout, in the transaction that holds {@link #lockCheckout}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void rememberCheckout(TenantId tenant, OpenCheckout checkout) {
        jdbc.sql("""
                        update platform.billing_accounts set checkout_session_id = ?, checkout_expires_at = ?
                        where tenant_id = ?
                        """)
                .params(checkout.sessionId(), Timestamp.from(checkout.expiresAt()), tenant.value())
                .update();
    }

    /** The organization a customer of the payment provider belongs to. */
    @Transactional(readOnly = true)
    public Optional<TenantId> tenantOfCustomer(String customerId) {
        return customerId == null
                ? Optional.empty()
                : accounts.findByStripeCustomerId(customerId).map(BillingAccount::tenantId);
    }

    /**
     * Takes on the organization's subscription as the provider holds it now, in the caller's transaction: its plan,
     * its status (a failed payment starts the grace period; a payment ends it and opens an organization suspended for
     * billing again), and its quantity (when it differs from the ledger, a new version is sent at once).
     */
    @Transactional
    public SubscriptionChange takeSubscription(TenantId tenant, SubscriptionState subscription) {
        return take(tenant, subscription).change();
    }

    /**
     * Whether the subscription is the organization's: its customer is the organization's customer, and the tenant its
     * metadata names, if any, is the organization. A subscription that is not is never taken on: an event naming one
     * customer and another's subscription changes neither.
     */
    @Transactional(readOnly = true)
    public boolean owns(TenantId tenant, SubscriptionState subscription) {
        // A query rather than the entity: loaded here, the entity would stay in the caller's persistence context and
        // the row lock taken later by takeSubscription would not read it again.
        var customer = jdbc.sql("""
                        select stripe_customer_id from platform.billing_accounts
                        where tenant_id = :tenant and stripe_customer_id is not null
                        """)
                .param("tenant", tenant.value())
                .query(String.class)
                .optional();
        var ours = customer.isPresent()
                && customer.get().equals(subscription.customerId())
                && (subscription.tenantId() == null || subscription.tenantId().equals(tenant.value()));
        if (!ours) {
            log.warn(
                    "The subscription {} of customer {} is not the one of tenant {}; it is not taken on",
                    subscription.id(),
                    subscription.customerId(),
                    tenant);
        }
        return ours;
    }

    /**
     * What {@link #takeSubscription} changed.
     *
     * @param quantityMended whether the provider's quantity differed from the ledger and the count is sent again
     */
    public record Taken(SubscriptionChange change, boolean quantityMended) {}

    /**
     * The daily reconciliation's {@link #takeSubscription}: the same, and it says whether the quantity had drifted.
     */
    @Transactional
    public Taken reconcile(TenantId tenant, SubscriptionState subscription) {
        return take(tenant, subscription);
    }

    /**
     * Claims the organization's reconciliation unless it was reconciled since {@code since}, so each subscription is
     * compared once per run however many nodes run it.
     */
    @Transactional
    public boolean claimReconciliation(TenantId tenant, Instant since) {
        return jdbc.sql("""
                        update platform.billing_accounts set reconciled_at = :now
                        where tenant_id = :tenant and (reconciled_at is null or reconciled_at < :since)
                        """)
                        .param("now", Timestamp.from(clock.instant()))
                        .param("since", Timestamp.from(since))
                        .param("tenant", tenant.value())
                        .update()
                > 0;
    }

    private Taken take(TenantId tenant, SubscriptionState subscription) {
        var account = accounts.lock(tenant.value()).orElseThrow(BillingRefused::noAccount);
        var now = clock.instant();
        var wasSuspended = account.suspendedForBilling();
        var plan = catalog.byStripePrice(subscription.priceId()).map(Plan::code).orElse(null);
        var change = account.takeSubscription(
                subscription.id(),
                subscription.itemId(),
                subscription.status(),
                plan,
                now,
                properties.dunning().grace());
        accounts.flush();
        if (wasSuspended && !account.suspendedForBilling()) {
            tenants.find(tenant)
                    .filter(t -> t.status() == TenantStatus.SUSPENDED)
                    .ifPresent(t -> tenants.reactivate(tenant));
        }
        var mended = subscription.itemId() != null && syncNowIfDifferent(tenant, subscription.quantity());
        if (change != SubscriptionChange.NONE) {
            events.publishEvent(new BillingStatusChanged(tenant, change, now));
        }
        return new Taken(change, mended);
    }

    /**
     * Compares the quantity the provider holds with the ledger's count and, when they differ, sends the count again
     * at once under a new version.
     *
     * @return whether they differed
     */
    @Transactional
    public boolean syncNowIfDifferent(TenantId tenant, int providerQuantity) {
        return jdbc.sql("""
                        update platform.billing_accounts
                        set synced_quantity = :quantity, seats_version = seats_version + 1, sync_due_at = :now,
                            sync_attempts = 0
                        where tenant_id = :tenant and seats <> :quantity and stripe_item_id is not null
                        """)
                        .param("quantity", providerQuantity)
                        .param("now", Timestamp.from(clock.instant()))
                        .param("tenant", tenant.value())
                        .update()
                > 0;
    }

    /** The organizations with a subscription, for the reconciliation. */
    @Transactional(readOnly = true)
    public List<TenantId> subscribed() {
        return accounts.subscribed().stream().map(TenantId::new).toList();
    }

    /**
     * The organization's customer and subscription at the payment provider.
     *
     * @param subscriptionId null before the first checkout
     * @param subscriptionStatus the provider's word for the subscription's state; null without one
     */
    public record Customer(String customerId, String subscriptionId, String subscriptionStatus) {}

    /**
     * A deleted organization's account is cancelled with it, and its subscription at the provider (after commit, so a
     * rolled-back deletion charges on); the row stays for the record.
     */
    @EventListener
    void on(TenantDeleted deleted) {
        accounts.findById(deleted.tenantId().value()).ifPresent(account -> {
            var subscription = account.stripeSubscriptionId();
            account.cancel(clock.instant());
            var payments = gateway.getIfAvailable();
            if (subscription != null
                    && payments != null
                    && TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        try {
                            payments.cancelSubscription(subscription, "cancel-" + subscription);
                        } catch (RuntimeException e) {
                            log.error(
                                    "The subscription {} of deleted tenant {} could not be cancelled; cancel it at the"
                                            + " provider: {}",
                                    subscription,
                                    deleted.slug(),
                                    e.toString());
                        }
                    }
                });
            }
        });
    }
}

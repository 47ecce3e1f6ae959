package app.tandem.billing.account;

import app.tandem.billing.payment.PaymentGateway;
import app.tandem.billing.payment.PaymentGateway.Invoice;
import app.tandem.billing.plan.Plan;
import app.tandem.billing.plan.PlanCatalog;
import app.tandem.core.tenant.TenantId;
import app.tandem.core.tenant.TenantRegistry;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an org admin does with the payment provider: subscribe to a paid plan through the provider's checkout, change
 * the plan or the payment details on its hosted pages, and read the invoices. Every refusal is decided here, before
 * the provider is called, and changes nothing; the subscription itself is taken on when the provider's webhook says
 * it exists.
 */
@Service
public class Payments {

    /** How many invoices the billing page lists. */
    public static final int RECENT_INVOICES = 12;

    // Stripe's statuses of a subscription that still exists; "canceled" and "incomplete_expired" are over.
    private static final Set<String> LIVE = Set.of("trialing", "active", "past_due", "unpaid", "paused", "incomplete");

    private final BillingAccounts accounts;
    private final PlanCatalog catalog;
    private final TenantRegistry tenants;
    private final ObjectProvider<PaymentGateway> gateway;
    private final TransactionTemplate transactions;

    Payments(
            BillingAccounts accounts,
            PlanCatalog catalog,
            TenantRegistry tenants,
            ObjectProvider<PaymentGateway> gateway,
            TransactionTemplate transactions) {
        this.accounts = accounts;
        this.catalog = catalog;
        this.tenants = tenants;
        this.gateway = gateway;
        this.transactions = transactions;
    }

    /** How often a subscription is paid. */
    public enum Interval {
        MONTHLY,
        YEARLY;

        /** The interval named {@code value} in any case; a missing one is monthly. */
        public static Interval of(String value) {
            if (value == null || value.isBlank()) {
                return MONTHLY;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw BillingRefused.unknownInterval(value);
            }
        }
    }

    /** Whether a payment provider takes payments. */
    public boolean configured() {
        return gateway.getIfAvailable() != null;
    }

    /** The plans an org admin can subscribe to online: those with a provider price, cheapest first. */
    public List<Offer> offers() {
        return catalog.all().stream()
                .filter(plan -> !plan.invoiced() && !plan.free())
                .filter(plan -> plan.stripePriceMonthly() != null || plan.stripePriceYearly() != null)
                .map(plan -> new Offer(plan, plan.stripePriceMonthly() != null, plan.stripePriceYearly() != null))
                .toList();
    }

    /** A plan on sale, and how it may be paid. */
    public record Offer(Plan plan, boolean monthly, boolean yearly) {}

    /**
     * Whether the organization has a subscription that is not over, so that the plan is changed on the provider's
     * page rather than bought again.
     */
    public boolean subscribed(TenantId tenant) {
        return accounts.customerOf(tenant).map(Payments::live).orElse(false);
    }

    /**
     * Starts the provider's checkout of a paid plan for as many seats as the organization holds (at least one). The
     * organization has one open checkout at a time: a new one expires the one opened before (by another admin, or in
     * another tab), so that two can never both be paid; when that one was paid already, the new one is refused.
     *
     * @param adminEmail the paying admin's address, given to a customer created here (an organization set up before
     *     payments were configured has none yet)
     * @return where to send the admin
     */
    public URI checkout(
            TenantId tenant, String planCode, Interval interval, String adminEmail, URI successUrl, URI cancelUrl) {
        var payments = requireGateway();
        var plan = catalog.find(planCode).orElseThrow(() -> BillingRefused.unknownPlan(planCode));
        var price = interval == Interval.YEARLY ? plan.stripePriceYearly() : plan.stripePriceMonthly();
        if (plan.invoiced() || plan.free() || price == null) {
            throw BillingRefused.notPurchasable(plan.name(), interval.name().toLowerCase(Locale.ROOT));
        }
        var overview = accounts.overview(tenant);
        if (overview.comped()) {
            throw BillingRefused.comped();
        }
        var customerId = accounts.customerOf(tenant)
                .map(BillingAccounts.Customer::customerId)
                .orElseGet(() -> {
                    // Idempotent per organization at the provider: two first checkouts at once get the same customer.
                    var created = payments.createCustomer(
                            tenant.value(), tenants.require(tenant).displayName(), adminEmail);
                    accounts.attachCustomer(tenant, created);
                    return created;
                });
        return transactions.execute(tx -> {
            var before = accounts.lockCheckout(tenant);
            if (accounts.customerOf(tenant).map(Payments::live).orElse(false)) {
                throw BillingRefused.alreadySubscribed();
            }
            if (before.isPresent() && !payments.expireCheckout(before.get().sessionId())) {
                throw BillingRefused.checkoutPaid();
            }
            var opened = payments.checkout(new PaymentGateway.Checkout(
                    tenant.value(), customerId, price, Math.max(1, overview.seats()), successUrl, cancelUrl));
            accounts.rememberCheckout(tenant, new BillingAccounts.OpenCheckout(opened.sessionId(), opened.expiresAt()));
            return opened.url();
        });
    }

    /** Opens the provider's page to change the plan of the organization's subscription. */
    public URI changePlan(TenantId tenant, URI returnUrl) {
        var payments = requireGateway();
        var customer = accounts.customerOf(tenant).filter(Payments::live).orElseThrow(BillingRefused::notSubscribed);
        return payments.changePlan(customer.customerId(), customer.subscriptionId(), returnUrl);
    }

    /** Opens the provider's page for payment details and invoices. */
    public URI portal(TenantId tenant, URI returnUrl) {
        var payments = requireGateway();
        var customer = accounts.customerOf(tenant).orElseThrow(BillingRefused::noCustomer);
        return payments.portal(customer.customerId(), returnUrl);
    }

    /**
     * The organization's latest invoices, newest first, and the preview of its next one; nothing without a payment
     * provider or a customer.
     */
    public Invoices invoices(TenantId tenant) {
        var payments = gateway.getIfAvailable();
        var customer = accounts.customerOf(tenant);
        if (payments == null || customer.isEmpty()) {
            return new Invoices(List.of(), Optional.empty());
        }
        var recent = payments.invoices(customer.get().customerId(), RECENT_INVOICES);
        var upcoming = live(customer.get())
                ? payments.upcomingInvoice(
                        customer.get().customerId(), customer.get().subscriptionId())
                : Optional.<Invoice>empty();
        return new Invoices(recent, upcoming);
    }

    /** Invoices of an organization: the latest, newest first, and the next one as it stands now. */
    public record Invoices(List<Invoice> recent, Optional<Invoice> upcoming) {}

    private PaymentGateway requireGateway() {
        var payments = gateway.getIfAvailable();
        if (payments == null) {
            throw BillingRefused.paymentsNotConfigured();
        }
        return payments;
    }

    private static boolean live(BillingAccounts.Customer customer) {
        return customer.subscriptionId() != null
                && customer.subscriptionStatus() != null
                && LIVE.contains(customer.subscriptionStatus());
    }
}

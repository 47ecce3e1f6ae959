package app.tandem.billing;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of billing ({@code tandem.billing.*}).
 *
 * @param provider {@code none} (the default: seats are metered and limits enforced, nothing is charged and no outside
 *     service is called) or {@code stripe}
 * @param metering whether enrollments take seats from the ledger and the plan's limits apply
 * @param trial the trial every new organization starts with
 * @param plans plans added to the built-in catalog (FREE, GROWTH, ENTERPRISE) or changing some of their settings, by code
 * @param notices when org admins are told that their seats run out
 * @param stripe how Stripe is reached when the provider is {@code stripe}
 * @param sync how the subscription's seat quantity follows the ledger
 * @param dunning what happens when a payment fails
 * @param reconciliation when each subscription's quantity is compared with the ledger
 */
@ConfigurationProperties("tandem.billing")
public record BillingProperties(
        @DefaultValue("none") Provider provider,
        @DefaultValue Metering metering,
        @DefaultValue Trial trial,
        Map<String, PlanSettings> plans,
        @DefaultValue Notices notices,
        @DefaultValue Stripe stripe,
        @DefaultValue Sync sync,
        @DefaultValue Dunning dunning,
        @DefaultValue Reconciliation reconciliation) {

    public BillingProperties {
        plans = plans == null ? Map.of() : Map.copyOf(plans);
    }

    /** Who takes the payments. */
    public enum Provider {
        NONE,
        STRIPE
    }

    /** What a plan allows; {@link app.tandem.billing.plan.PlanCatalog} holds the built-in values. */
    public enum LimitPolicy {
        /** Enrollment past the seat limit is refused. */
        HARD,
        /** Enrollment past the seat limit is allowed; the seats past it are billed. */
        OVERAGE
    }

    /**
     * @param enabled true (the default): each enrollment takes a seat in the enrolling transaction and the plan's
     *     seat and open-program limits apply; false: billing offers mentoring no seat allowance, so enrollments and
     *     programs are neither counted nor limited (nothing is charged per seat), as in mentoring on its own
     */
    public record Metering(@DefaultValue("true") boolean enabled) {}

    /**
     * @param plan the plan whose limits a trial has
     * @param length how long the trial lasts
     * @param afterwards the plan an organization falls back to when its trial ends unpaid
     */
    public record Trial(
            @DefaultValue("GROWTH") String plan,
            @DefaultValue("30d") Duration length,
            @DefaultValue("FREE") String afterwards) {}

    /**
     * One plan of the catalog. A setting left out is the built-in plan's of the same code, or else of {@link #DEFAULTS}:
     * configuring only {@code stripe-price-monthly} of GROWTH keeps GROWTH's name, prices and limits.
     *
     * @param name what admins and operators read
     * @param seatLimit the program seats the plan allows; none means no limit (ENTERPRISE's is set per organization)
     * @param openProgramLimit how many programs may be open (enrolling or running) at once; none means no limit
     * @param policy what happens past the seat limit
     * @param currency ISO 4217 code of the prices
     * @param pricePerSeatMonthly the price of one seat for a month; zero for a free plan
     * @param pricePerSeatYearly the price of one seat for a year, when the plan may be paid yearly
     * @param invoiced whether the plan is invoiced by the operator rather than paid through Checkout
     * @param stripePriceMonthly the Stripe price (per-seat, licensed) of the monthly subscription
     * @param stripePriceYearly the Stripe price of the yearly subscription
     */
    public record PlanSettings(
            String name,
            Integer seatLimit,
            Integer openProgramLimit,
            LimitPolicy policy,
            String currency,
            BigDecimal pricePerSeatMonthly,
            BigDecimal pricePerSeatYearly,
            Boolean invoiced,
            String stripePriceMonthly,
            String stripePriceYearly) {

        /** What a plan has that configuration does not say: hard limits, prices in CAD, free, not invoiced. */
        public static final PlanSettings DEFAULTS =
                new PlanSettings(null, null, null, LimitPolicy.HARD, "CAD", BigDecimal.ZERO, null, false, null, null);

        /** These settings, with what they leave out taken from {@code base}. */
        public PlanSettings over(PlanSettings base) {
            return new PlanSettings(
                    name != null ? name : base.name,
                    seatLimit != null ? seatLimit : base.seatLimit,
                    openProgramLimit != null ? openProgramLimit : base.openProgramLimit,
                    policy != null ? policy : base.policy,
                    currency != null ? currency : base.currency,
                    pricePerSeatMonthly != null ? pricePerSeatMonthly : base.pricePerSeatMonthly,
                    pricePerSeatYearly != null ? pricePerSeatYearly : base.pricePerSeatYearly,
                    invoiced != null ? invoiced : base.invoiced,
                    stripePriceMonthly != null ? stripePriceMonthly : base.stripePriceMonthly,
                    stripePriceYearly != null ? stripePriceYearly : base.stripePriceYearly);
        }
    }

    /** @param thresholds the shares of the seat limit (in percent) at which admins are told, once each */
    public record Notices(@DefaultValue({"80", "100"}) int[] thresholds) {}

    /**
     * @param apiKey the secret key ({@code sk_...}), from the environment only
     * @param apiBase where the Stripe API answers: Stripe itself, or a Stripe-compatible server for tests and staging
     * @param webhookSecret the signing secret of the webhook endpoint ({@code whsec_...}), from the environment only
     * @param webhookTolerance how old a webhook's signed timestamp may be
     * @param connectTimeout how long to wait for a connection to the API
     * @param readTimeout how long to wait for an answer of the API
     * @param maxNetworkRetries how often the client retries a request that failed on the network (including a read
     *     timeout) or was answered with a 409 or a 5xx, with the same idempotency key; a 429 is not retried
     */
    public record Stripe(
            String apiKey,
            @DefaultValue("https://api.stripe.com") URI apiBase,
            String webhookSecret,
            @DefaultValue("5m") Duration webhookTolerance,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("20s") Duration readTimeout,
            @DefaultValue("2") int maxNetworkRetries) {}

    /**
     * @param debounce how long a changed seat count waits before it is sent, so a bulk enrollment sends one quantity
     * @param interval how often the sync looks for quantities due
     * @param workers how many quantities are sent at once
     * @param firstRetry how long the sync waits after a failed send; each further failure doubles it
     * @param maxRetry the longest wait between two attempts
     */
    public record Sync(
            @DefaultValue("30s") Duration debounce,
            @DefaultValue("10s") Duration interval,
            @DefaultValue("4") int workers,
            @DefaultValue("30s") Duration firstRetry,
            @DefaultValue("1h") Duration maxRetry) {}

    /**
     * @param grace how long an organization whose payment failed stays open
     * @param reminders after how long (from the failed payment) org admins are reminded, once each
     * @param interval how often dunning looks for reminders and grace periods due
     */
    public record Dunning(
            @DefaultValue("14d") Duration grace,
            @DefaultValue({"0d", "7d", "13d"}) Duration[] reminders,
            @DefaultValue("1h") Duration interval) {}

    /** @param cron when every subscription's quantity is compared with the ledger (in UTC) */
    public record Reconciliation(
            @DefaultValue("0 30 3 * * *") String cron) {}
}

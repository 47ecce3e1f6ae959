package app.tandem.billing.plan;

import app.tandem.billing.BillingProperties;
import app.tandem.billing.BillingProperties.LimitPolicy;
import app.tandem.billing.BillingProperties.PlanSettings;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The plans organizations can be on: the built-in FREE, GROWTH and ENTERPRISE, each of which configuration may
 * replace, and any further plan configuration adds under {@code tandem.billing.plans.<CODE>} (operators add plans
 * without code). Built in: FREE allows 10 seats and one open program (hard limits); GROWTH charges every seat, per
 * month or per year, without a limit; ENTERPRISE is invoiced, with a seat limit set per organization past which
 * seats are billed as overage.
 */
@Component
public class PlanCatalog {

    public static final String FREE = "FREE";
    public static final String GROWTH = "GROWTH";
    public static final String ENTERPRISE = "ENTERPRISE";

    private final Map<String, Plan> plans;

    PlanCatalog(BillingProperties properties) {
        var all = new LinkedHashMap<String, Plan>();
        all.put(
                FREE,
                plan(
                        FREE,
                        new PlanSettings(
                                "Free", 10, 1, LimitPolicy.HARD, "CAD", BigDecimal.ZERO, null, false, null, null)));
        all.put(
                GROWTH,
                plan(
                        GROWTH,
                        new PlanSettings(
                                "Growth",
                                null,
                                null,
                                LimitPolicy.OVERAGE,
                                "CAD",
                                new BigDecimal("4.00"),
                                new BigDecimal("40.00"),
                                false,
                                null,
                                null)));
        all.put(
                ENTERPRISE,
                plan(
                        ENTERPRISE,
                        new PlanSettings(
                                "Enterprise",
                                1000,
                                null,
                                LimitPolicy.OVERAGE,
                                "CAD",
                                new BigDecimal("3.00"),
                                new BigDecimal("30.00"),
                                true,
                                null,
                                null)));
        properties.plans().forEach((code, settings) -> {
            var key = code.strip().toUpperCase(Locale.ROOT);
            all.put(key, plan(key, settings));
        });
        this.plans = Map.copyOf(all);
        for (var required :
                new String[] {properties.trial().plan(), properties.trial().afterwards()}) {
            if (!plans.containsKey(required.toUpperCase(Locale.ROOT))) {
                throw new IllegalStateException("tandem.billing.trial names plan " + required
                        + ", which the catalog does not have (it has " + plans.keySet() + ")");
            }
        }
    }

    private static Plan plan(String code, PlanSettings settings) {
        if (settings.name() == null || settings.name().isBlank()) {
            throw new IllegalStateException("Plan " + code + " needs a name (tandem.billing.plans." + code + ".name)");
        }
        if (settings.pricePerSeatMonthly() == null
                || settings.pricePerSeatMonthly().signum() < 0) {
            throw new IllegalStateException("Plan " + code + " needs a price per seat of zero or more");
        }
        return new Plan(
                code,
                settings.name(),
                settings.seatLimit(),
                settings.openProgramLimit(),
                settings.policy() == null ? LimitPolicy.HARD : settings.policy(),
                settings.currency() == null ? "CAD" : settings.currency(),
                settings.pricePerSeatMonthly(),
                settings.pricePerSeatYearly(),
                settings.invoiced(),
                settings.stripePriceMonthly(),
                settings.stripePriceYearly());
    }

    /** The plan with this code; throws for a code the catalog does not have. */
    public Plan get(String code) {
        return find(code).orElseThrow(() -> new IllegalStateException("No plan " + code + " in the catalog"));
    }

    public Optional<Plan> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(plans.get(code.toUpperCase(Locale.ROOT)));
    }

    /** The plan a Stripe price (monthly or yearly) belongs to. */
    public Optional<Plan> byStripePrice(String priceId) {
        if (priceId == null) {
            return Optional.empty();
        }
        return plans.values().stream()
                .filter(plan -> priceId.equals(plan.stripePriceMonthly()) || priceId.equals(plan.stripePriceYearly()))
                .findFirst();
    }

    /** Every plan, cheapest first. */
    public Collection<Plan> all() {
        return plans.values().stream()
                .sorted((a, b) -> a.pricePerSeatMonthly().compareTo(b.pricePerSeatMonthly()))
                .toList();
    }
}

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
 * The plans organizations can be on: the built-in FREE, GROWTH and ENTERPRISE, whose settings configuration may
 * change one by one, and any further plan configuration adds under {@code tandem.billing.plans.<CODE>} (operators add plans
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
        var builtIn = new LinkedHashMap<String, PlanSettings>();
        builtIn.put(FREE, new PlanSettings("Free", 10, 1, LimitPolicy.HARD, null, null, null, null, null, null));
        builtIn.put(
                GROWTH,
                new PlanSettings(
                        "Growth",
                        null,
                        null,
                        LimitPolicy.OVERAGE,
                        null,
                        new BigDecimal("4.00"),
                        new BigDecimal("40.00"),
                        null,
                        null,
                        null));
        builtIn.put(
                ENTERPRISE,
                new PlanSettings(
                        "Enterprise",
                        1000,
                        null,
                        LimitPolicy.OVERAGE,
                        null,
                        new BigDecimal("3.00"),
                        new BigDecimal("30.00"),
                        true,
                        null,
                        null));
        var settings = new LinkedHashMap<String, PlanSettings>();
        builtIn.forEach((code, plan) -> settings.put(code, plan.over(PlanSettings.DEFAULTS)));
        properties.plans().forEach((code, configured) -> {
            var key = code.strip().toUpperCase(Locale.ROOT);
            settings.put(key, configured.over(settings.getOrDefault(key, PlanSettings.DEFAULTS)));
        });
        var all = new LinkedHashMap<String, Plan>();
        settings.forEach((code, plan) -> all.put(code, plan(code, plan)));
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
                settings.policy(),
                settings.currency(),
                settings.pricePerSeatMonthly(),
                settings.pricePerSeatYearly(),
                Boolean.TRUE.equals(settings.invoiced()),
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

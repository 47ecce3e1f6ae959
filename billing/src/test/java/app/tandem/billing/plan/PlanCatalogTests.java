package app.tandem.billing.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tandem.billing.BillingProperties;
import app.tandem.billing.BillingProperties.LimitPolicy;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PlanCatalogTests {

    @Test
    void configuringOneSettingOfABuiltInPlanKeepsItsOtherSettings() {
        var catalog = catalog(Map.of(
                "tandem.billing.plans.GROWTH.stripe-price-monthly", "price_growth_monthly",
                "tandem.billing.plans.free.seat-limit", "25"));

        var growth = catalog.get("GROWTH");
        assertThat(growth.name()).isEqualTo("Growth");
        assertThat(growth.policy()).isEqualTo(LimitPolicy.OVERAGE);
        assertThat(growth.pricePerSeatMonthly()).isEqualByComparingTo("4.00");
        assertThat(growth.pricePerSeatYearly()).isEqualByComparingTo("40.00");
        assertThat(growth.stripePriceMonthly()).isEqualTo("price_growth_monthly");
        assertThat(catalog.byStripePrice("price_growth_monthly")).contains(growth);

        var free = catalog.get("FREE");
        assertThat(free.seatLimit()).isEqualTo(25);
        assertThat(free.openProgramLimit()).isEqualTo(1);
        assertThat(free.free()).isTrue();
    }

    @Test
    void aNewPlanTakesHardLimitsAndCanadianDollarsUnlessConfigured() {
        var catalog = catalog(Map.of(
                "tandem.billing.plans.school.name", "School",
                "tandem.billing.plans.school.seat-limit", "300",
                "tandem.billing.plans.school.price-per-seat-monthly", "2.50"));

        var school = catalog.get("SCHOOL");
        assertThat(school.name()).isEqualTo("School");
        assertThat(school.seatLimit()).isEqualTo(300);
        assertThat(school.policy()).isEqualTo(LimitPolicy.HARD);
        assertThat(school.currency()).isEqualTo("CAD");
        assertThat(school.pricePerSeatMonthly()).isEqualByComparingTo(new BigDecimal("2.50"));
        assertThat(school.invoiced()).isFalse();
        assertThat(catalog.all()).extracting(Plan::code).containsExactly("FREE", "SCHOOL", "ENTERPRISE", "GROWTH");
    }

    @Test
    void aNewPlanWithoutANameIsRefusedAtStart() {
        assertThatThrownBy(() -> catalog(Map.of("tandem.billing.plans.school.seat-limit", "300")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Plan SCHOOL needs a name (tandem.billing.plans.SCHOOL.name)");
    }

    private static PlanCatalog catalog(Map<String, String> settings) {
        var properties = new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("tandem.billing", BillingProperties.class);
        return new PlanCatalog(properties);
    }
}

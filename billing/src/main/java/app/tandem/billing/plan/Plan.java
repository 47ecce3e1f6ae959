package app.tandem.billing.plan;

import app.tandem.billing.BillingProperties.LimitPolicy;
import java.math.BigDecimal;

/**
 * A plan of the catalog: what it is called, what it allows and what a seat costs.
 *
 * @param code the stable key an account refers to, such as {@code GROWTH}
 * @param seatLimit the program seats it allows; null for no limit
 * @param openProgramLimit how many programs may be open at once; null for no limit
 */
public record Plan(
        String code,
        String name,
        Integer seatLimit,
        Integer openProgramLimit,
        LimitPolicy policy,
        String currency,
        BigDecimal pricePerSeatMonthly,
        BigDecimal pricePerSeatYearly,
        boolean invoiced,
        String stripePriceMonthly,
        String stripePriceYearly) {

    /** Whether seats cost nothing on this plan. */
    public boolean free() {
        return pricePerSeatMonthly.signum() == 0 && !invoiced;
    }
}

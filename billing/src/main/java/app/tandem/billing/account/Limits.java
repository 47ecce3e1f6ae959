package app.tandem.billing.account;

import app.tandem.billing.BillingProperties.LimitPolicy;
import app.tandem.billing.plan.Plan;

/**
 * What an organization may use now: the plan in force (the trial's, or the fallback once a trial ended unpaid) with
 * the account's own seat limit where it has one.
 *
 * @param seatLimit the seats allowed; null for no limit
 * @param openProgramLimit how many programs may be open at once; null for no limit
 */
public record Limits(Plan plan, Integer seatLimit, Integer openProgramLimit, LimitPolicy policy) {

    /** Whether one more seat, beyond {@code seatsNow}, is refused. */
    public boolean refusesSeat(long seatsNow) {
        return policy == LimitPolicy.HARD && seatLimit != null && seatsNow >= seatLimit;
    }

    /** Whether one more open program, beyond {@code openNow}, is refused. */
    public boolean refusesProgram(long openNow) {
        return openProgramLimit != null && openNow >= openProgramLimit;
    }
}

package app.tandem.billing.web;

import app.tandem.billing.account.BillingOverview;
import app.tandem.billing.seat.SeatUsage;
import java.util.List;
import java.util.UUID;

/**
 * The organization's billing as its billing page and {@code GET /api/v1/billing} show it.
 *
 * @param seats seats held now
 * @param programs seats held now, per program
 * @param last90Days seats held at the end of each of the last 90 days, oldest first
 * @param percentUsed the share of the seat limit in use (0-100 and beyond); null without a limit
 * @param paymentsConfigured whether a payment provider takes payments (without one nothing is charged)
 */
record BillingSummary(
        BillingOverview account,
        int seats,
        List<ProgramSeats> programs,
        List<SeatUsage.Day> last90Days,
        int peakLast90Days,
        Integer percentUsed,
        boolean paymentsConfigured) {

    /** One program's seats. */
    record ProgramSeats(UUID programId, String name, int seats) {}

    /** Whether the admins should be warned (at or past the first notice threshold). */
    boolean nearLimit(int threshold) {
        return percentUsed != null && percentUsed >= threshold;
    }
}

package app.tandem.billing.web;

import app.tandem.core.context.TenantContext;
import app.tandem.identity.CurrentMember;
import app.tandem.identity.OrgRole;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * {@code seatBanner} on every page an org admin sees while the organization uses at least the first notice share of
 * its seat limit (80 % by default): the layout shows it above the page. Nobody else pays for the look-up.
 */
@ControllerAdvice
class BillingBanner {

    private final BillingReports reports;
    private final CurrentMember currentMember;

    BillingBanner(BillingReports reports, CurrentMember currentMember) {
        this.reports = reports;
        this.currentMember = currentMember;
    }

    /** What the banner says: the seats used and the limit, or null for no banner. */
    record SeatBanner(int seats, int limit, int percent, boolean full) {}

    @ModelAttribute("seatBanner")
    SeatBanner seatBanner() {
        if (TenantContext.current().isEmpty()
                || currentMember.find().filter(m -> m.has(OrgRole.ORG_ADMIN)).isEmpty()) {
            return null;
        }
        return reports.banner();
    }
}

package app.tandem.billing.web;

import app.tandem.billing.account.AccountStatus;
import app.tandem.billing.account.BillingAccounts;
import app.tandem.core.context.TenantContext;
import app.tandem.identity.CurrentMember;
import app.tandem.identity.OrgRole;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * {@code seatBanner} on every page an org admin sees while the organization uses at least the first notice share of
 * its seat limit (80 % by default), and {@code paymentBanner} while a payment is overdue: the layout shows them above
 * the page. Nobody else pays for the look-ups.
 */
@ControllerAdvice
class BillingBanner {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final BillingReports reports;
    private final BillingAccounts accounts;
    private final CurrentMember currentMember;

    BillingBanner(BillingReports reports, BillingAccounts accounts, CurrentMember currentMember) {
        this.reports = reports;
        this.accounts = accounts;
        this.currentMember = currentMember;
    }

    /** What the banner says: the seats used and the limit, or null for no banner. */
    record SeatBanner(int seats, int limit, int percent, boolean full) {}

    /** A payment is overdue: the organization stays open until {@code graceEnds} (a date in words). */
    record PaymentBanner(String graceEnds) {}

    /** Both banners from one look at the account; nothing for anyone but an org admin. */
    @ModelAttribute
    void banners(Model model) {
        if (!orgAdmin()) {
            return;
        }
        var account = accounts.overview(TenantContext.require());
        model.addAttribute("seatBanner", reports.banner(account));
        if (account.status() == AccountStatus.PAST_DUE && account.graceEndsAt() != null) {
            model.addAttribute(
                    "paymentBanner",
                    new PaymentBanner(DAY.format(account.graceEndsAt().atZone(ZoneOffset.UTC))));
        }
    }

    private boolean orgAdmin() {
        return TenantContext.current().isPresent()
                && currentMember.find().filter(m -> m.has(OrgRole.ORG_ADMIN)).isPresent();
    }
}

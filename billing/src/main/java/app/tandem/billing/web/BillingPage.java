package app.tandem.billing.web;

import app.tandem.billing.account.Payments;
import app.tandem.core.context.TenantContext;
import app.tandem.core.routing.OnTenantHost;
import app.tandem.core.routing.TenantRoute;
import app.tandem.core.web.DomainException;
import app.tandem.identity.CurrentMember;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/billing}, for org admins: the plan and its status, the trial's end, seats per program against the
 * limit, a chart of seats over the last 90 days, the invoices and the next invoice's estimate, and the buttons that
 * lead to the payment provider's checkout, plan change and portal. A refused button leads back here with the reason;
 * invoices the provider cannot list now leave the rest of the page working.
 */
@Controller
@OnTenantHost
@PreAuthorize("hasRole('ORG_ADMIN')")
class BillingPage {

    private static final Logger log = LoggerFactory.getLogger(BillingPage.class);

    private final BillingReports reports;
    private final Payments payments;
    private final PaymentAddresses addresses;
    private final CurrentMember currentMember;

    BillingPage(BillingReports reports, Payments payments, PaymentAddresses addresses, CurrentMember currentMember) {
        this.reports = reports;
        this.payments = payments;
        this.addresses = addresses;
        this.currentMember = currentMember;
    }

    @GetMapping(PaymentAddresses.PAGE)
    String show(@RequestParam(required = false) String checkout, HttpServletRequest request, Model model) {
        var summary = reports.summary();
        var tenant = TenantContext.require();
        model.addAttribute("tenant", TenantRoute.of(request).orElseThrow());
        model.addAttribute("billing", summary);
        model.addAttribute("warn", summary.nearLimit(reports.firstThreshold()));
        model.addAttribute(
                "chartDays",
                summary.last90Days().stream().map(day -> day.day().toString()).collect(Collectors.joining(",")));
        model.addAttribute(
                "chartSeats",
                summary.last90Days().stream()
                        .map(day -> Integer.toString(day.seats()))
                        .collect(Collectors.joining(",")));
        if ("done".equals(checkout) || "cancelled".equals(checkout)) {
            model.addAttribute("checkoutOutcome", checkout);
        }
        if (summary.paymentsConfigured()) {
            model.addAttribute("offers", payments.offers());
            model.addAttribute("subscribed", payments.subscribed(tenant));
            try {
                model.addAttribute("invoices", payments.invoices(tenant));
            } catch (DomainException e) {
                log.warn("Invoices of {} could not be read: {}", tenant, e.getMessage());
                model.addAttribute("invoicesUnavailable", e.getMessage());
            }
        }
        return "billing/overview";
    }

    @PostMapping(PaymentAddresses.PAGE + "/checkout")
    String checkout(
            @RequestParam(required = false) String plan,
            @RequestParam(required = false) String interval,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        return away(
                redirect,
                () -> payments.checkout(
                        TenantContext.require(),
                        plan,
                        Payments.Interval.of(interval),
                        currentMember.require().email(),
                        addresses.checkoutDone(request),
                        addresses.checkoutCancelled(request)));
    }

    @PostMapping(PaymentAddresses.PAGE + "/plan-change")
    String changePlan(HttpServletRequest request, RedirectAttributes redirect) {
        return away(redirect, () -> payments.changePlan(TenantContext.require(), addresses.billingPage(request)));
    }

    @PostMapping(PaymentAddresses.PAGE + "/portal")
    String portal(HttpServletRequest request, RedirectAttributes redirect) {
        return away(redirect, () -> payments.portal(TenantContext.require(), addresses.billingPage(request)));
    }

    /** To the provider's page, or back to the billing page with the reason it was refused. */
    private static String away(RedirectAttributes redirect, Supplier<URI> destination) {
        try {
            return "redirect:" + destination.get();
        } catch (DomainException e) {
            redirect.addFlashAttribute("refusal", e.getMessage());
            return "redirect:" + PaymentAddresses.PAGE;
        }
    }
}

package app.tandem.billing.web;

import app.tandem.core.routing.OnTenantHost;
import app.tandem.core.routing.TenantRoute;
import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /admin/billing}, for org admins: the plan and its status, the trial's end, seats per program against the
 * limit, a chart of seats over the last 90 days, and whether payments are configured.
 */
@Controller
@OnTenantHost
@PreAuthorize("hasRole('ORG_ADMIN')")
class BillingPage {

    private final BillingReports reports;

    BillingPage(BillingReports reports) {
        this.reports = reports;
    }

    @GetMapping("/admin/billing")
    String show(HttpServletRequest request, Model model) {
        var summary = reports.summary();
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
        return "billing/overview";
    }
}

package app.tandem.billing.operator;

import app.tandem.billing.account.AccountStatus;
import app.tandem.billing.account.BillingFleet;
import app.tandem.billing.account.BillingFleet.Standing;
import app.tandem.billing.plan.PlanCatalog;
import app.tandem.core.routing.OnApexHost;
import app.tandem.core.tenant.TenantId;
import app.tandem.core.web.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /operator/billing}, the operator console's billing pages on the platform site, for platform operators only
 * (identity's security refuses everyone else at {@code /operator/**}, and the service checks again): the fleet with its
 * totals and filters, its CSV export, and one organization's billing with the forms that change it. Forms post and
 * redirect; a refused one shows the page again with the message at its field and the input kept.
 */
@Controller
@OnApexHost
class OperatorBillingPage {

    private final BillingFleet fleet;
    private final PlanCatalog catalog;
    private final Clock clock;

    OperatorBillingPage(BillingFleet fleet, PlanCatalog catalog, Clock clock) {
        this.fleet = fleet;
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping("/operator/billing")
    String fleet(@ModelAttribute("filter") FleetFilter filter, Model model, HttpServletResponse response) {
        model.addAttribute("plans", catalog.all());
        model.addAttribute("standings", Standing.values());
        model.addAttribute("statuses", AccountStatus.values());
        try {
            var result = fleet.fleet(filter.toQuery(catalog));
            model.addAttribute("result", result);
            model.addAttribute("exportUrl", filter.url("/operator/billing/export", null));
            model.addAttribute(
                    "previousPage", result.hasPrevious() ? filter.url("/operator/billing", result.page() - 1) : null);
            model.addAttribute(
                    "nextPage", result.hasNext() ? filter.url("/operator/billing", result.page() + 1) : null);
        } catch (InvalidFleetInput e) {
            response.setStatus(e.kind().status().value());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e.field());
        }
        return "billing/operator/fleet";
    }

    @GetMapping("/operator/billing/export")
    void export(@ModelAttribute FleetFilter filter, HttpServletResponse response) throws IOException {
        var accounts = fleet.everyMatch(filter.toQuery(catalog));
        FleetCsv.send(accounts, clock, response);
    }

    @GetMapping("/operator/billing/{id}")
    String account(@PathVariable UUID id, Model model) {
        var tenant = new TenantId(id);
        model.addAttribute("account", fleet.account(tenant));
        model.addAttribute("history", fleet.history(tenant, 50));
        model.addAttribute("plans", catalog.all());
        model.addAttribute("maxGraceDays", BillingFleet.MAX_GRACE_DAYS);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "billing/operator/account";
    }

    @PostMapping("/operator/billing/{id}/comp")
    String comp(
            @PathVariable UUID id,
            @RequestParam(required = false) String plan,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(id, "comp", form("plan", plan), model, redirect, response, () -> fleet.comp(new TenantId(id), plan));
    }

    @PostMapping("/operator/billing/{id}/grace")
    String extendGrace(
            @PathVariable UUID id,
            @RequestParam(required = false) String days,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(
                id,
                "extend-grace",
                form("days", days),
                model,
                redirect,
                response,
                () -> fleet.extendGrace(new TenantId(id), number("days", days, "Give the number of days")));
    }

    @PostMapping("/operator/billing/{id}/seat-limit")
    String limitSeats(
            @PathVariable UUID id,
            @RequestParam(required = false) String seatLimit,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(
                id,
                "seat-limit",
                form("seatLimit", seatLimit),
                model,
                redirect,
                response,
                () -> fleet.limitSeats(new TenantId(id), number("seatLimit", seatLimit, null)));
    }

    /** A refusal outside a form (an unknown organization, a bad filter of the export): a page that says so. */
    @ExceptionHandler(DomainException.class)
    ModelAndView refused(DomainException e) {
        var page = new ModelAndView("billing/operator/problem", e.kind().status());
        page.addObject("status", e.kind().status().value());
        page.addObject("detail", e.getMessage());
        return page;
    }

    private String act(
            UUID id,
            String action,
            Map<String, String> form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Runnable work) {
        try {
            try {
                work.run();
            } catch (OptimisticLockingFailureException e) {
                throw new ChangedMeanwhile();
            }
            redirect.addFlashAttribute("done", "billing.operator.done." + action);
            return "redirect:/operator/billing/" + id;
        } catch (DomainException e) {
            response.setStatus(e.kind().status().value());
            model.addAttribute("failed", action);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", fieldOf(e));
            model.addAttribute("form", form);
            return account(id, model);
        }
    }

    /**
     * A whole number as typed; empty is null when {@code missing} is null (no seat limit of its own), else refused
     * with that message.
     */
    static Integer number(String field, String text, String missing) {
        if (text == null || text.isBlank()) {
            if (missing != null) {
                throw new InvalidFleetInput(field, missing + ".");
            }
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidFleetInput(field, "Give a whole number; \"" + text.strip() + "\" is not one.");
        }
    }

    private static Map<String, String> form(String name, String value) {
        var form = new LinkedHashMap<String, String>();
        form.put(name, value == null ? "" : value);
        return form;
    }

    /** The form field a refusal is about, so the page marks it. */
    static String fieldOf(DomainException e) {
        if (!e.fieldErrors().isEmpty()) {
            return e.fieldErrors().keySet().iterator().next();
        }
        return switch (e.code()) {
            case "invalid-seat-limit" -> "seatLimit";
            case "unknown-plan" -> "plan";
            case "not-past-due" -> "days";
            default -> null;
        };
    }
}

package app.tandem.tenantadmin.console;

import app.tandem.core.routing.OnApexHost;
import app.tandem.core.tenant.InvalidTenantInput;
import app.tandem.core.tenant.TenantId;
import app.tandem.core.tenant.TenantKind;
import app.tandem.core.tenant.TenantStatus;
import app.tandem.core.web.DomainException;
import app.tandem.tenantadmin.console.TenantQuery.TenantFilter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The operator console's pages on the platform site, for platform operators only (identity's security refuses
 * everyone else at {@code /operator/**}, and the service checks again). Forms post and redirect, so every page works
 * without JavaScript; htmx only refreshes the list while the operator types a search. A refused action shows the
 * page again with the message next to the form and the input kept.
 */
@Controller
@OnApexHost
class OperatorConsoleController {

    private final OperatorConsole console;

    OperatorConsoleController(OperatorConsole console) {
        this.console = console;
    }

    @GetMapping("/operator")
    String tenants(@ModelAttribute("filter") TenantFilter filter, Model model, HttpServletResponse response) {
        model.addAttribute("statuses", TenantStatus.values());
        model.addAttribute("kinds", TenantKind.values());
        model.addAttribute("sorts", TenantQuery.Sort.values());
        model.addAttribute("failedJobs", console.failedJobs().size());
        try {
            var query = filter.toQuery(console.pageSize());
            var result = console.tenants(query);
            model.addAttribute("query", query);
            model.addAttribute("result", result);
            model.addAttribute("previousPage", result.hasPrevious() ? pageUrl(filter, result.page() - 1) : null);
            model.addAttribute("nextPage", result.hasNext() ? pageUrl(filter, result.page() + 1) : null);
        } catch (InvalidConsoleInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e.field());
        }
        return "tenantadmin/console/tenants";
    }

    @GetMapping("/operator/tenants/{id}")
    String tenant(@PathVariable UUID id, Model model) {
        model.addAttribute("tenant", console.tenant(new TenantId(id)));
        model.addAttribute("defaultGraceDays", console.defaultGraceDays());
        model.addAttribute("maxGraceDays", console.maxGraceDays());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "tenantadmin/console/tenant";
    }

    @PostMapping("/operator/tenants/{id}/suspend")
    String suspend(
            @PathVariable UUID id,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(
                id,
                "suspend",
                form("reason", reason),
                model,
                redirect,
                response,
                () -> console.suspend(new TenantId(id), reason));
    }

    @PostMapping("/operator/tenants/{id}/reactivate")
    String reactivate(@PathVariable UUID id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(id, "reactivate", Map.of(), model, redirect, response, () -> console.reactivate(new TenantId(id)));
    }

    @PostMapping("/operator/tenants/{id}/deletion")
    String scheduleDeletion(
            @PathVariable UUID id,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String graceDays,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(
                id,
                "schedule-deletion",
                form("reason", reason, "graceDays", graceDays),
                model,
                redirect,
                response,
                () -> console.scheduleDeletion(new TenantId(id), reason, days(graceDays)));
    }

    @PostMapping("/operator/tenants/{id}/deletion/cancel")
    String cancelDeletion(
            @PathVariable UUID id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(
                id,
                "cancel-deletion",
                Map.of(),
                model,
                redirect,
                response,
                () -> console.cancelDeletion(new TenantId(id)));
    }

    @PostMapping("/operator/tenants/{id}/migrate")
    String migrate(@PathVariable UUID id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(id, "migrate", Map.of(), model, redirect, response, () -> console.migrate(new TenantId(id)));
    }

    @PostMapping("/operator/tenants/{id}/hosts")
    String addHost(
            @PathVariable UUID id,
            @RequestParam(required = false) String host,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(
                id,
                "add-host",
                form("host", host),
                model,
                redirect,
                response,
                () -> console.addCustomHost(new TenantId(id), host));
    }

    @PostMapping("/operator/tenants/{id}/hosts/remove")
    String removeHost(
            @PathVariable UUID id,
            @RequestParam(required = false) String host,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(
                id,
                "remove-host",
                Map.of(),
                model,
                redirect,
                response,
                () -> console.removeCustomHost(new TenantId(id), host));
    }

    @GetMapping("/operator/tenants/{id}/export")
    void export(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        ExportDownload.send(console, new TenantId(id), response);
    }

    @GetMapping("/operator/provisioning")
    String failedJobs(Model model) {
        model.addAttribute("jobs", console.failedJobs());
        return "tenantadmin/console/provisioning";
    }

    @PostMapping("/operator/provisioning/{job}/retry")
    String retry(@PathVariable UUID job, RedirectAttributes redirect, Model model, HttpServletResponse response) {
        return jobAction(job, "retry", redirect, model, response);
    }

    @PostMapping("/operator/provisioning/{job}/discard")
    String discard(@PathVariable UUID job, RedirectAttributes redirect, Model model, HttpServletResponse response) {
        return jobAction(job, "discard", redirect, model, response);
    }

    @GetMapping("/operator/audit")
    String audit(Model model) {
        model.addAttribute("entries", console.auditTrail(200));
        return "tenantadmin/console/audit";
    }

    /** A refusal outside a form (an unknown tenant, an export of a deleted one): a page that says what happened. */
    @ExceptionHandler(DomainException.class)
    ModelAndView refused(DomainException e) {
        var page = new ModelAndView("tenantadmin/console/problem", e.kind().status());
        page.addObject("status", e.kind().status().value());
        page.addObject("detail", e.getMessage());
        return page;
    }

    private String jobAction(
            UUID job, String action, RedirectAttributes redirect, Model model, HttpServletResponse response) {
        try {
            var after = "retry".equals(action) ? console.retry(job) : console.discard(job);
            redirect.addFlashAttribute("done", "operator.done." + action + "." + after.status());
            redirect.addFlashAttribute("doneSubject", after.slug());
            return "redirect:/operator/provisioning";
        } catch (DomainException e) {
            response.setStatus(e.kind().status().value());
            model.addAttribute("error", e.getMessage());
            return failedJobs(model);
        }
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
            redirect.addFlashAttribute("done", "operator.done." + action);
            return "redirect:/operator/tenants/" + id;
        } catch (DomainException e) {
            response.setStatus(e.kind().status().value());
            model.addAttribute("failed", action);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", fieldOf(e));
            model.addAttribute("form", form);
            return tenant(id, model);
        }
    }

    /** The list with the same search and filters on another page; empty fields are left out. */
    static String pageUrl(TenantFilter filter, int page) {
        var url = UriComponentsBuilder.fromPath("/operator");
        var fields = new LinkedHashMap<String, String>();
        fields.put("q", filter.q());
        fields.put("status", filter.status());
        fields.put("kind", filter.kind());
        fields.put("createdFrom", filter.createdFrom());
        fields.put("createdTo", filter.createdTo());
        fields.put("minMembers", filter.minMembers());
        fields.put("maxMembers", filter.maxMembers());
        fields.put("activeSince", filter.activeSince());
        fields.put("idleSince", filter.idleSince());
        fields.put("sort", filter.sort());
        fields.put("size", filter.size());
        fields.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                url.queryParam(name, value.strip());
            }
        });
        return url.queryParam("page", page).encode().build().toUriString();
    }

    /** The grace period as typed: empty for the default, else a whole number of days. */
    static Integer days(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidConsoleInput(
                    "graceDays", "Give the grace period as a whole number of days; \"" + text.strip() + "\" is not.");
        }
    }

    private static Map<String, String> form(String... namesAndValues) {
        var form = new LinkedHashMap<String, String>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
        }
        return form;
    }

    private static String fieldOf(DomainException e) {
        if (e instanceof InvalidConsoleInput input) {
            return input.field();
        }
        if (e instanceof InvalidTenantInput input) {
            return input.field();
        }
        return null;
    }
}

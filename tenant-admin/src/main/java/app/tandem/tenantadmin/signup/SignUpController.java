package app.tandem.tenantadmin.signup;

import app.tandem.core.routing.OnApexHost;
import app.tandem.core.routing.PublicAddresses;
import app.tandem.core.tenant.TenantKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The sign-up pages on the platform site: the form (with a live check of the address), and the progress page of a
 * sign-up, which refreshes itself (htmx every second, a plain refresh without JavaScript) until the organization is
 * ready and then links to it.
 */
@Controller
@OnApexHost
@RequestMapping("/signup")
class SignUpController {

    /** How often the progress page reloads itself when JavaScript is off. */
    static final int REFRESH_SECONDS = 2;

    /** htmx stops polling when an answer has this status. */
    static final int HTMX_STOP_POLLING = 286;

    private final SignUps signUps;
    private final MessageSource messages;
    private final PublicAddresses addresses;

    SignUpController(SignUps signUps, MessageSource messages, PublicAddresses addresses) {
        this.signUps = signUps;
        this.messages = messages;
        this.addresses = addresses;
    }

    @GetMapping
    String form(Model model) {
        return form(model, SignUpRequest.blank(), Map.of());
    }

    @PostMapping
    String submit(SignUpRequest form, HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            var submitted = signUps.submit(form, request.getRemoteAddr());
            return "redirect:/signup/" + submitted.id();
        } catch (InvalidSignUp invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            var errors = new LinkedHashMap<String, String>();
            invalid.problems()
                    .forEach(problem -> errors.putIfAbsent(problem.field(), message(problem, request.getLocale())));
            return form(model, form, errors);
        } catch (SignUpLimitReached limited) {
            var minutes = Math.max(1, (limited.retryAfter().toSeconds() + 59) / 60);
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(
                    "Retry-After",
                    String.valueOf(Math.max(1, limited.retryAfter().toSeconds())));
            model.addAttribute("minutes", minutes);
            return "tenantadmin/signup/limited";
        }
    }

    /** The live check of the address, as a fragment that htmx puts under the field. */
    @GetMapping("/address")
    String checkAddress(@RequestParam(defaultValue = "") String slug, HttpServletRequest request, Model model) {
        var problem = signUps.checkAddress(slug);
        model.addAttribute(
                "addressProblem",
                problem.map(it -> message(it, request.getLocale())).orElse(null));
        model.addAttribute(
                "addressAvailable", problem.isEmpty() ? signUps.addressOf(slug).getAuthority() : null);
        return "tenantadmin/signup/form :: address-check";
    }

    @GetMapping("/{id}")
    String progress(@PathVariable String id, Model model) {
        var progress = find(id);
        model.addAttribute("progress", progress);
        if (progress.stage().moving()) {
            model.addAttribute("refreshSeconds", REFRESH_SECONDS);
        }
        return "tenantadmin/signup/progress";
    }

    /** The progress page's status part, which htmx fetches every second while the sign-up is moving. */
    @GetMapping("/{id}/status")
    String status(@PathVariable String id, HttpServletResponse response, Model model) {
        var progress = find(id);
        model.addAttribute("progress", progress);
        if (!progress.stage().moving()) {
            response.setStatus(HTMX_STOP_POLLING);
        }
        return "tenantadmin/signup/progress :: status";
    }

    private SignUpProgress find(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return signUps.progress(uuid).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String form(Model model, SignUpRequest form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", List.of(TenantKind.values()));
        var apex = addresses.apexBaseUrl();
        model.addAttribute("scheme", apex.getScheme());
        model.addAttribute("baseDomain", apex.getPort() < 0 ? apex.getHost() : apex.getHost() + ":" + apex.getPort());
        return "tenantadmin/signup/form";
    }

    private String message(FieldProblem problem, Locale locale) {
        return messages.getMessage(
                problem.messageKey(), problem.args().toArray(), locale == null ? Locale.ENGLISH : locale);
    }
}

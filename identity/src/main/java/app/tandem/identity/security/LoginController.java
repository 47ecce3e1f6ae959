package app.tandem.identity.security;

import app.tandem.core.routing.TenantRoute;
import app.tandem.identity.keycloak.KeycloakAvailability;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The sign-in entry point of every host and the page that explains a refused login. Sign-in goes to Keycloak only when
 * Keycloak answers; otherwise the visitor learns that sign-in is unavailable for now, and public pages keep working.
 */
@Controller
class LoginController {

    private final KeycloakAvailability keycloak;
    private final ClientRegistrationRepository registrations;
    private final MessageSource messages;

    LoginController(KeycloakAvailability keycloak, ClientRegistrationRepository registrations, MessageSource messages) {
        this.keycloak = keycloak;
        this.registrations = registrations;
        this.messages = messages;
    }

    /** One action button of a page: where it goes and what it says. */
    record Action(String url, String label) {}

    @GetMapping("/login")
    String login(Authentication authentication, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        if (!keycloak.reachable()) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "30");
            return page(request, model, 503, LoginRefused.UNAVAILABLE, List.of(retry(request), home(request)));
        }
        return "redirect:/oauth2/authorization/" + SecurityConfiguration.REGISTRATION_ID;
    }

    @GetMapping("/login/refused")
    String refused(
            @RequestParam(defaultValue = LoginRefused.FAILED) String reason,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var known = LoginRefused.REASONS.contains(reason) ? reason : LoginRefused.FAILED;
        int status = known.equals(LoginRefused.UNAVAILABLE) ? 503 : 403;
        response.setStatus(status);
        var actions = new ArrayList<Action>();
        if (known.equals(LoginRefused.NOT_A_MEMBER) || known.equals(LoginRefused.NOT_AN_OPERATOR)) {
            actions.add(anotherAccount(request));
        } else {
            actions.add(retry(request));
        }
        actions.add(home(request));
        return page(request, model, status, known, actions);
    }

    private String page(HttpServletRequest request, Model model, int status, String reason, List<Action> actions) {
        var locale = request.getLocale() == null ? Locale.ENGLISH : request.getLocale();
        var where = TenantRoute.of(request).map(TenantRoute::displayName).orElse("Tandem");
        var prefix = "identity.login." + reason;
        model.addAttribute("status", status);
        model.addAttribute("code", reason);
        model.addAttribute("title", messages.getMessage(prefix + ".title", new Object[] {where}, locale));
        model.addAttribute("detail", messages.getMessage(prefix + ".detail", new Object[] {where}, locale));
        model.addAttribute("reason", messages.getMessage(prefix + ".reason", new Object[] {where}, "", locale));
        model.addAttribute("actions", actions);
        return "core/refused";
    }

    private Action retry(HttpServletRequest request) {
        return new Action("/login", label(request, "identity.login.action.retry"));
    }

    private Action home(HttpServletRequest request) {
        return new Action("/", label(request, "identity.login.action.home"));
    }

    /** Keycloak's logout, returning here: the way out of a Keycloak session that belongs to the wrong account. */
    private Action anotherAccount(HttpServletRequest request) {
        var registration = registrations.findByRegistrationId(SecurityConfiguration.REGISTRATION_ID);
        var endSession = (String)
                registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
        var home = ServletUriComponentsBuilder.fromContextPath(request)
                .replacePath("/")
                .replaceQuery(null)
                .toUriString();
        var url = UriComponentsBuilder.fromUriString(endSession)
                .queryParam("client_id", registration.getClientId())
                .queryParam("post_logout_redirect_uri", home)
                .encode()
                .toUriString();
        return new Action(url, label(request, "identity.login.action.another-account"));
    }

    private String label(HttpServletRequest request, String key) {
        return messages.getMessage(key, null, request.getLocale() == null ? Locale.ENGLISH : request.getLocale());
    }
}

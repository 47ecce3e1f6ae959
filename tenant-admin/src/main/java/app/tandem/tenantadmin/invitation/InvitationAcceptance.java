package app.tandem.tenantadmin.invitation;

import app.tandem.core.routing.OnTenantHost;
import app.tandem.core.routing.TenantRoute;
import app.tandem.core.web.DomainException;
import app.tandem.identity.PublicPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page behind an invitation link (public: the invitee has no session yet). A person new to the platform chooses a
 * password here; someone with an account just accepts. Then they sign in as usual.
 */
@Controller
@OnTenantHost
class InvitationAcceptance {

    private final Invitations invitations;
    private final Clock clock;

    InvitationAcceptance(Invitations invitations, Clock clock) {
        this.invitations = invitations;
        this.clock = clock;
    }

    @Configuration(proxyBeanMethods = false)
    static class Paths {

        @Bean
        PublicPaths invitationLinks() {
            return PublicPaths.of("/invitations/**");
        }
    }

    @GetMapping("/invitations/{token}")
    String show(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("tenant", TenantRoute.of(request).orElseThrow());
        model.addAttribute("token", token);
        try {
            var invitation = invitations.byLink(token);
            model.addAttribute("invitation", invitation);
            var now = clock.instant();
            if (!invitation.open(now)) {
                throw InvitationRefused.notOpen(invitation, now);
            }
            model.addAttribute("hasAccount", invitations.inviteeHasAccount(invitation));
        } catch (DomainException refused) {
            response.setStatus(refused.kind() == DomainException.Kind.NOT_FOUND ? 404 : 410);
            model.addAttribute("problem", refused.getMessage());
        }
        return "tenantadmin/invitations/accept";
    }

    @PostMapping("/invitations/{token}")
    String accept(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (!password.equals(confirmation)) {
            return again(token, "The two passwords differ; type the same password twice.", request, response, model);
        }
        try {
            invitations.accept(token, Optional.of(password));
            return "redirect:/invitations/accepted";
        } catch (DomainException refused) {
            return again(token, refused.getMessage(), request, response, model);
        }
    }

    @GetMapping("/invitations/accepted")
    String welcome(HttpServletRequest request, Model model) {
        model.addAttribute("tenant", TenantRoute.of(request).orElseThrow());
        return "tenantadmin/invitations/welcome";
    }

    private String again(
            String token, String problem, HttpServletRequest request, HttpServletResponse response, Model model) {
        show(token, request, response, model);
        response.setStatus(400);
        model.addAttribute("formProblem", problem);
        return "tenantadmin/invitations/accept";
    }
}

package app.tandem.mentoring.match;

import app.tandem.core.routing.TenantRoute;
import app.tandem.core.web.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the matching pages share: the refusal page, and acting on a form with a notice or a problem. */
final class MatchingPages {

    static final String REFUSED = "mentoring/match/refused";

    private MatchingPages() {}

    static String refused(
            DomainException refused, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(
                switch (refused.kind()) {
                    case NOT_FOUND -> 404;
                    case FORBIDDEN -> 403;
                    case INVALID -> 400;
                    default -> 409;
                });
        model.addAttribute("tenant", TenantRoute.of(request).orElseThrow());
        model.addAttribute("problem", refused.getMessage());
        return REFUSED;
    }

    interface Change {
        String apply();
    }

    /** Runs a form's change; the notice or the refusal goes to the page the browser is sent back to. */
    static String act(RedirectAttributes redirect, String back, Change change) {
        try {
            redirect.addFlashAttribute("notice", change.apply());
        } catch (DomainException refused) {
            if (refused.kind() == DomainException.Kind.NOT_FOUND) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:" + back;
    }
}

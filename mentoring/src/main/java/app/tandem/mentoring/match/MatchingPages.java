package app.tandem.mentoring.match;

import app.tandem.core.web.DomainException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the matching pages share: acting on a form with a notice or a problem. */
final class MatchingPages {

    private MatchingPages() {}

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

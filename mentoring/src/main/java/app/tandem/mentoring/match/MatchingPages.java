package app.tandem.mentoring.match;

import app.tandem.core.web.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the matching pages share: acting on a form with a notice (from the message bundle) or a problem. */
@Component
class MatchingPages {

    /** A notice: its message key under {@code mentoring.match.notice.} and the message's arguments. */
    record Notice(String key, Object... arguments) {}

    interface Change {
        Notice apply();
    }

    private final MessageSource messages;

    MatchingPages(MessageSource messages) {
        this.messages = messages;
    }

    /** Runs a form's change; the notice or the refusal goes to the page the browser is sent back to. */
    String act(RedirectAttributes redirect, String back, Change change) {
        try {
            redirect.addFlashAttribute("notice", text(change.apply()));
        } catch (DomainException refused) {
            if (refused.kind() == DomainException.Kind.NOT_FOUND) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:" + back;
    }

    String text(Notice notice) {
        return messages.getMessage(
                "mentoring.match.notice." + notice.key(), notice.arguments(), LocaleContextHolder.getLocale());
    }
}

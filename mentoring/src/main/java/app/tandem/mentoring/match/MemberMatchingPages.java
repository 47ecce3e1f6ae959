package app.tandem.mentoring.match;

import app.tandem.core.routing.OnTenantHost;
import app.tandem.core.routing.TenantRoute;
import app.tandem.core.web.DomainException;
import app.tandem.mentoring.match.MatchingPages.Notice;
import app.tandem.mentoring.profile.Profiles;
import app.tandem.mentoring.web.RefusalPage;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Members' matching pages: a mentee's suggested mentors with the reasons and a request form, and the requests inbox
 * (received: accept or decline with a note; sent: withdraw).
 */
@Controller
@OnTenantHost
class MemberMatchingPages {

    private final MentorSuggestions suggestions;
    private final MentorshipRequests requests;
    private final Profiles profiles;
    private final MatchingPages pages;
    private final MyMatches myMatches;
    private final Clock clock;

    MemberMatchingPages(
            MentorSuggestions suggestions,
            MentorshipRequests requests,
            Profiles profiles,
            MatchingPages pages,
            MyMatches myMatches,
            Clock clock) {
        this.myMatches = myMatches;
        this.suggestions = suggestions;
        this.pages = pages;
        this.requests = requests;
        this.profiles = profiles;
        this.clock = clock;
    }

    @GetMapping("/programs/{programId}/suggestions")
    String suggestions(@PathVariable UUID programId, HttpServletRequest request, Model model) {
        model.addAttribute("tenant", TenantRoute.of(request).orElseThrow());
        var view = suggestions.forMe(programId, MentorSuggestions.DEFAULT_LIMIT);
        model.addAttribute("view", view);
        model.addAttribute(
                "profiles",
                profiles.of(view.suggestions().stream()
                        .map(Matches.Fit::mentorMemberId)
                        .toList()));
        return "mentoring/match/suggestions";
    }

    @PostMapping("/programs/{programId}/suggestions")
    String request(
            @PathVariable UUID programId,
            @RequestParam(required = false) UUID mentorEnrollmentId,
            @RequestParam(defaultValue = "") String message,
            RedirectAttributes redirect) {
        var back = "/programs/" + programId + "/suggestions";
        try {
            var sent = requests.send(new MentorshipRequests.SendRequest(mentorEnrollmentId, null, message));
            redirect.addFlashAttribute("notice", pages.text(new Notice("request-sent", sent.mentorName())));
        } catch (DomainException refused) {
            if (refused.kind() == DomainException.Kind.NOT_FOUND) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", refused.getMessage());
            redirect.addFlashAttribute("message", message);
            redirect.addFlashAttribute("mentorEnrollmentId", mentorEnrollmentId);
        }
        return "redirect:" + back;
    }

    @GetMapping("/requests")
    String inbox(HttpServletRequest request, Model model) {
        model.addAttribute("tenant", TenantRoute.of(request).orElseThrow());
        model.addAttribute("inbox", requests.inbox());
        model.addAttribute("myMatches", myMatches.list());
        model.addAttribute("now", clock.instant());
        return "mentoring/match/requests";
    }

    @PostMapping("/requests/{id}/accept")
    String accept(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return pages.act(redirect, "/requests", () -> {
            var accepted = requests.accept(id, note);
            return new Notice("accepted", accepted.menteeName());
        });
    }

    @PostMapping("/requests/{id}/decline")
    String decline(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return pages.act(redirect, "/requests", () -> {
            var declined = requests.decline(id, note);
            return new Notice("declined", declined.menteeName());
        });
    }

    @PostMapping("/requests/{id}/withdraw")
    String withdraw(@PathVariable UUID id, RedirectAttributes redirect) {
        return pages.act(redirect, "/requests", () -> {
            var withdrawn = requests.withdraw(id);
            return new Notice("withdrawn", withdrawn.mentorName());
        });
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView refused(DomainException refused, HttpServletRequest request) {
        return RefusalPage.of(refused, request, "/programs");
    }
}

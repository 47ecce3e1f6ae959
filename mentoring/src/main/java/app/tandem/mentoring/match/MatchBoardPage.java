package app.tandem.mentoring.match;

import app.tandem.core.routing.OnTenantHost;
import app.tandem.core.routing.TenantRoute;
import app.tandem.core.web.DomainException;
import app.tandem.mentoring.match.MatchingPages.Notice;
import app.tandem.mentoring.web.RefusalPage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinators' match board of a program: unmatched mentees with the mentors that fit them and a "Match" button,
 * current matches, bulk auto-match with its drafts to review and publish, the mentees a run left and why, and blocked
 * pairs. Plain forms; nothing needs JavaScript.
 */
@Controller
@OnTenantHost
@RequestMapping("/admin/programs/{programId}/matching")
@PreAuthorize("hasRole('COORDINATOR')")
class MatchBoardPage {

    private final Matches matches;
    private final AutoMatching autoMatching;
    private final MatchingPages pages;

    MatchBoardPage(Matches matches, AutoMatching autoMatching, MatchingPages pages) {
        this.matches = matches;
        this.autoMatching = autoMatching;
        this.pages = pages;
    }

    @GetMapping
    String board(@PathVariable UUID programId, HttpServletRequest request, Model model) {
        model.addAttribute("tenant", TenantRoute.of(request).orElseThrow());
        model.addAttribute("board", matches.board(programId));
        return "mentoring/match/board";
    }

    @PostMapping("/matches")
    String match(
            @PathVariable UUID programId,
            @RequestParam(required = false) UUID mentorEnrollmentId,
            @RequestParam(required = false) UUID menteeEnrollmentId,
            RedirectAttributes redirect) {
        return pages.act(redirect, back(programId), () -> {
            var made = matches.match(programId, mentorEnrollmentId, menteeEnrollmentId);
            return new Notice("matched", made.menteeName(), made.mentorName());
        });
    }

    @PostMapping("/matches/{matchId}/end")
    String end(@PathVariable UUID programId, @PathVariable UUID matchId, RedirectAttributes redirect) {
        return pages.act(redirect, back(programId), () -> {
            var ended = matches.end(matchId);
            return new Notice("ended", ended.mentorName(), ended.menteeName());
        });
    }

    @PostMapping("/runs")
    String run(@PathVariable UUID programId, RedirectAttributes redirect) {
        return pages.act(redirect, back(programId), () -> {
            var run = autoMatching.run(programId);
            return new Notice("run", run.matchedCount(), run.totalPoints() / 100.0, run.unmatchedCount());
        });
    }

    @PostMapping("/drafts/{draftId}/mentor")
    String changeMentor(
            @PathVariable UUID programId,
            @PathVariable UUID draftId,
            @RequestParam(required = false) UUID mentorEnrollmentId,
            RedirectAttributes redirect) {
        return pages.act(redirect, back(programId), () -> {
            var draft = autoMatching.changeMentor(draftId, mentorEnrollmentId);
            return new Notice("mentor-changed", draft.menteeName(), draft.mentorName());
        });
    }

    @PostMapping("/drafts/{draftId}/remove")
    String removeDraft(@PathVariable UUID programId, @PathVariable UUID draftId, RedirectAttributes redirect) {
        return pages.act(redirect, back(programId), () -> {
            autoMatching.removeDraft(draftId);
            return new Notice("draft-removed");
        });
    }

    @PostMapping("/drafts/publish")
    String publish(@PathVariable UUID programId, RedirectAttributes redirect) {
        return pages.act(redirect, back(programId), () -> {
            var result = autoMatching.publish(programId);
            redirect.addFlashAttribute("left", result.left());
            return result.left().isEmpty()
                    ? new Notice("published", result.published().size())
                    : new Notice(
                            "published-some",
                            result.published().size(),
                            result.left().size());
        });
    }

    @PostMapping("/blocked-pairs")
    String block(
            @PathVariable UUID programId,
            @RequestParam(required = false) UUID mentorMemberId,
            @RequestParam(required = false) UUID menteeMemberId,
            RedirectAttributes redirect) {
        return pages.act(redirect, back(programId), () -> {
            var block = matches.block(programId, new Matches.BlockRequest(mentorMemberId, menteeMemberId));
            return new Notice("blocked", block.mentorName(), block.menteeName());
        });
    }

    @PostMapping("/blocked-pairs/remove")
    String unblock(
            @PathVariable UUID programId,
            @RequestParam(required = false) UUID mentorMemberId,
            @RequestParam(required = false) UUID menteeMemberId,
            RedirectAttributes redirect) {
        return pages.act(redirect, back(programId), () -> {
            matches.unblock(programId, new Matches.BlockRequest(mentorMemberId, menteeMemberId));
            return new Notice("unblocked");
        });
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView refused(DomainException refused, HttpServletRequest request) {
        return RefusalPage.of(refused, request, "/admin/programs");
    }

    private static String back(UUID programId) {
        return "/admin/programs/" + programId + "/matching";
    }
}

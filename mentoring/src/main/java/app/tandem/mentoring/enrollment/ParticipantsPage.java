package app.tandem.mentoring.enrollment;

import app.tandem.core.routing.OnTenantHost;
import app.tandem.core.routing.TenantRoute;
import app.tandem.core.web.DomainException;
import app.tandem.mentoring.matching.Role;
import app.tandem.mentoring.program.RegistrationQuestion;
import app.tandem.mentoring.web.RefusalPage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
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
 * A program's participants for coordinators: mentors and mentees with their status, capacity and answers, filtered by
 * role and status, with pause, resume and withdraw for each.
 */
@Controller
@OnTenantHost
@RequestMapping("/admin/programs/{programId}/participants")
@PreAuthorize("hasRole('COORDINATOR')")
class ParticipantsPage {

    private final Enrollments enrollments;

    ParticipantsPage(Enrollments enrollments) {
        this.enrollments = enrollments;
    }

    /** One answer of a participant, for the table's summary. */
    public record AnswerLine(String question, String answer) {}

    /** A row of the table: the participant and their answers in the order of the form. */
    public record Row(ProgramParticipant participant, List<AnswerLine> answers) {

        public Enrollment enrollment() {
            return participant.enrollment();
        }
    }

    @GetMapping
    String list(
            @PathVariable UUID programId,
            @RequestParam(required = false) Role role,
            @RequestParam(required = false) EnrollmentStatus status,
            HttpServletRequest request,
            Model model) {
        var program = enrollments.program(programId);
        var questions = new ArrayList<RegistrationQuestion>();
        questions.addAll(enrollments.questions(programId, Role.MENTOR));
        questions.addAll(enrollments.questions(programId, Role.MENTEE));
        var rows = enrollments.participants(programId, role, status).stream()
                .map(participant -> {
                    var answers = participant.enrollment().answers();
                    var lines = questions.stream()
                            .filter(question -> answers.containsKey(question.id()))
                            .map(question -> new AnswerLine(
                                    question.label(), AnswerForm.summary(question.kind(), answers.get(question.id()))))
                            .toList();
                    return new Row(participant, lines);
                })
                .toList();
        model.addAttribute("tenant", TenantRoute.of(request).orElseThrow());
        model.addAttribute("program", program);
        model.addAttribute("rows", rows);
        model.addAttribute("role", role);
        model.addAttribute("status", status);
        model.addAttribute("roles", Role.values());
        model.addAttribute("statuses", EnrollmentStatus.values());
        model.addAttribute(
                "mentors",
                rows.stream()
                        .filter(row -> row.enrollment().role() == Role.MENTOR)
                        .count());
        model.addAttribute(
                "mentees",
                rows.stream()
                        .filter(row -> row.enrollment().role() == Role.MENTEE)
                        .count());
        return "mentoring/enrollment/participants";
    }

    @PostMapping("/{id}/pause")
    String pause(@PathVariable UUID programId, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(programId, id, redirect, "mentoring.enrollment.admin.paused", () -> enrollments.pause(id));
    }

    @PostMapping("/{id}/resume")
    String resume(@PathVariable UUID programId, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(programId, id, redirect, "mentoring.enrollment.admin.resumed", () -> enrollments.resume(id));
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(
            @PathVariable UUID programId,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes redirect) {
        if (!confirm) {
            redirect.addFlashAttribute("problem", "Tick \"Yes, withdraw\" to confirm: withdrawing cannot be undone.");
            return "redirect:/admin/programs/" + programId + "/participants";
        }
        return act(programId, id, redirect, "mentoring.enrollment.admin.withdrawn", () -> enrollments.withdraw(id));
    }

    /** A refusal outside a form (an unknown program): a page that says what happened. */
    @ExceptionHandler(DomainException.class)
    ModelAndView refused(DomainException refused, HttpServletRequest request) {
        return RefusalPage.of(refused, request, "/admin/programs");
    }

    private String act(UUID programId, UUID id, RedirectAttributes redirect, String notice, Runnable change) {
        try {
            if (!enrollments.get(id).programId().equals(programId)) {
                throw EnrollmentRefused.notFound(id);
            }
            change.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (DomainException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/admin/programs/" + programId + "/participants";
    }
}

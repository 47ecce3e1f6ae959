package app.tandem.mentoring.enrollment;

import app.tandem.core.routing.OnTenantHost;
import app.tandem.core.routing.TenantRoute;
import app.tandem.core.web.DomainException;
import app.tandem.mentoring.enrollment.Enrollments.Enroll;
import app.tandem.mentoring.matching.Role;
import app.tandem.mentoring.program.Program;
import app.tandem.mentoring.program.RegistrationQuestion;
import app.tandem.mentoring.web.RefusalPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The members' programs: those open for enrollment and their own enrollments; a program's page with the enrollment
 * forms (one per role), and once enrolled the answers to edit, the capacity (mentors), pause, resume and withdraw. Every
 * form works without JavaScript; a refused form comes back with the entered values and each problem at its field.
 */
@Controller
@OnTenantHost
@PreAuthorize("isAuthenticated()")
class EnrollmentPages {

    private final Enrollments enrollments;

    EnrollmentPages(Enrollments enrollments) {
        this.enrollments = enrollments;
    }

    /**
     * One role's part of a program page: the member's enrollment in that role (or null), the role's questions, the
     * values shown in the form, the problems by field, and the capacity as typed.
     */
    public record RoleSection(
            Role role,
            Enrollment enrollment,
            List<RegistrationQuestion> questions,
            Map<String, List<String>> values,
            Map<String, String> errors,
            String capacity) {

        public List<String> valuesOf(RegistrationQuestion question) {
            return values.getOrDefault(question.id().toString(), List.of());
        }

        public String valueOf(RegistrationQuestion question) {
            var list = valuesOf(question);
            return list.isEmpty() ? "" : list.get(0);
        }

        /** The ranked choice's value at {@code rank} (0 = first choice), or empty. */
        public String rankedAt(RegistrationQuestion question, int rank) {
            var list = valuesOf(question);
            return rank < list.size() ? list.get(rank) : "";
        }

        public boolean hasError(String field) {
            return errors.containsKey(field);
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    @GetMapping("/programs")
    String list(HttpServletRequest request, Model model) {
        model.addAttribute("tenant", TenantRoute.of(request).orElseThrow());
        model.addAttribute("programs", enrollments.openPrograms());
        model.addAttribute("mine", enrollments.mineWithPrograms());
        return "mentoring/enrollment/programs";
    }

    @GetMapping("/programs/{programId}")
    String show(@PathVariable UUID programId, HttpServletRequest request, Model model) {
        return page(programId, null, request, model);
    }

    @PostMapping("/programs/{programId}/enroll")
    String enroll(
            @PathVariable UUID programId,
            @RequestParam(required = false) Role role,
            @RequestParam(defaultValue = "") String capacity,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        if (role == null) {
            redirect.addFlashAttribute("problem", "Choose whether you enroll as a mentor or as a mentee.");
            return "redirect:/programs/" + programId;
        }
        var questions = enrollments.questions(programId, role);
        var answers = AnswerForm.read(questions, form);
        var errors = new LinkedHashMap<>(answers.errors());
        var parsedCapacity = capacity(role, capacity, errors);
        if (errors.isEmpty()) {
            try {
                enrollments.enroll(programId, new Enroll(role, parsedCapacity, answers.answers()));
                redirect.addFlashAttribute("notice", "mentoring.enrollment.notice.enrolled." + role);
                return "redirect:/programs/" + programId;
            } catch (DomainException refused) {
                // Refusals of other modules too (billing's seat limit) are shown on the program's page.
                if (refused.fieldErrors().isEmpty()) {
                    redirect.addFlashAttribute("problem", refused.getMessage());
                    return "redirect:/programs/" + programId;
                }
                errors.putAll(refused.fieldErrors());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(
                programId, new RoleSection(role, null, questions, answers.values(), errors, capacity), request, model);
    }

    @PostMapping("/programs/{programId}/enrollments/{id}/answers")
    String answer(
            @PathVariable UUID programId,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String capacity,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        var enrollment = ofProgram(programId, id);
        var questions = enrollments.questions(programId, enrollment.role());
        var answers = AnswerForm.read(questions, form);
        var errors = new LinkedHashMap<>(answers.errors());
        var parsedCapacity = capacity(enrollment.role(), capacity, errors);
        if (errors.isEmpty()) {
            try {
                enrollments.update(id, answers.answers(), parsedCapacity);
                redirect.addFlashAttribute("notice", "mentoring.enrollment.notice.saved");
                return "redirect:/programs/" + programId;
            } catch (EnrollmentRefused refused) {
                if (refused.fieldErrors().isEmpty()) {
                    redirect.addFlashAttribute("problem", refused.getMessage());
                    return "redirect:/programs/" + programId;
                }
                errors.putAll(refused.fieldErrors());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(
                programId,
                new RoleSection(enrollment.role(), enrollment, questions, answers.values(), errors, capacity),
                request,
                model);
    }

    @PostMapping("/programs/{programId}/enrollments/{id}/pause")
    String pause(@PathVariable UUID programId, @PathVariable UUID id, RedirectAttributes redirect) {
        ofProgram(programId, id);
        return act(programId, redirect, "mentoring.enrollment.notice.paused", () -> enrollments.pause(id));
    }

    @PostMapping("/programs/{programId}/enrollments/{id}/resume")
    String resume(@PathVariable UUID programId, @PathVariable UUID id, RedirectAttributes redirect) {
        ofProgram(programId, id);
        return act(programId, redirect, "mentoring.enrollment.notice.resumed", () -> enrollments.resume(id));
    }

    @PostMapping("/programs/{programId}/enrollments/{id}/withdraw")
    String withdraw(
            @PathVariable UUID programId,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes redirect) {
        ofProgram(programId, id);
        if (!confirm) {
            redirect.addFlashAttribute(
                    "problem", "Tick \"Yes, withdraw me\" to confirm: withdrawing cannot be undone.");
            return "redirect:/programs/" + programId;
        }
        return act(programId, redirect, "mentoring.enrollment.notice.withdrawn", () -> enrollments.withdraw(id));
    }

    /** A refusal outside a form (an unknown program or enrollment): a page that says what happened. */
    @ExceptionHandler(DomainException.class)
    ModelAndView refused(DomainException refused, HttpServletRequest request) {
        return RefusalPage.of(refused, request, "/programs");
    }

    private String page(UUID programId, RoleSection refused, HttpServletRequest request, Model model) {
        var program = enrollments.program(programId);
        var mine = enrollments.mineIn(programId);
        var sections = new ArrayList<RoleSection>();
        for (var role : Role.values()) {
            if (refused != null && refused.role() == role) {
                sections.add(refused);
                continue;
            }
            var enrollment = mine.stream()
                    .filter(e -> e.role() == role && e.takingPart())
                    .findFirst()
                    .orElse(null);
            var values =
                    enrollment == null ? Map.<String, List<String>>of() : AnswerForm.valuesOf(enrollment.answers());
            var capacity = enrollment != null && enrollment.capacity() != null
                    ? enrollment.capacity().toString()
                    : defaultCapacity(program);
            sections.add(new RoleSection(
                    role, enrollment, enrollments.questions(programId, role), values, Map.of(), capacity));
        }
        model.addAttribute("tenant", TenantRoute.of(request).orElseThrow());
        model.addAttribute("program", program);
        model.addAttribute("sections", sections);
        return "mentoring/enrollment/program";
    }

    private static String defaultCapacity(Program program) {
        var capacity = program.defaultMentorCapacity();
        if (program.maxGroupSize() != null) {
            capacity = Math.min(capacity, program.maxGroupSize());
        }
        return Integer.toString(capacity);
    }

    /** The capacity typed for a mentor (null: none typed, or not a mentor); a non-number is an error. */
    private static Integer capacity(Role role, String typed, Map<String, String> errors) {
        if (role != Role.MENTOR || typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            errors.put("capacity", "Write how many mentees you take as a whole number, 1 to 100.");
            return null;
        }
    }

    /** The enrollment, if it belongs to this program (and the member may see it); else not found. */
    private Enrollment ofProgram(UUID programId, UUID id) {
        var enrollment = enrollments.get(id);
        if (!enrollment.programId().equals(programId)) {
            throw EnrollmentRefused.notFound(id);
        }
        return enrollment;
    }

    private String act(UUID programId, RedirectAttributes redirect, String notice, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (DomainException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/programs/" + programId;
    }
}

package app.tandem.mentoring.program;

import app.tandem.core.routing.OnTenantHost;
import app.tandem.core.routing.TenantRoute;
import app.tandem.core.web.DomainException;
import app.tandem.mentoring.matching.Importance;
import app.tandem.mentoring.matching.QuestionKind;
import app.tandem.mentoring.matching.Role;
import app.tandem.mentoring.program.Programs.Direction;
import app.tandem.mentoring.program.Programs.Participation;
import app.tandem.mentoring.web.RefusalPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Program set-up for coordinators and org admins: the list with each program's status and how many take part, the
 * new-program form, and a program's page with its settings, the registration question editor (add, change, move,
 * pair, remove), the status buttons it allows and duplication. Every form works without JavaScript; a refusal comes
 * back on the page it was made on, next to the field it is about.
 */
@Controller
@OnTenantHost
@RequestMapping("/admin/programs")
@PreAuthorize("hasRole('COORDINATOR')")
class ProgramsPage {

    private static final String LIST = "mentoring/program/list";
    private static final String NEW = "mentoring/program/new";
    private static final String DETAIL = "mentoring/program/detail";
    private static final String QUESTION = "mentoring/program/question";

    private final Programs programs;

    ProgramsPage(Programs programs) {
        this.programs = programs;
    }

    @ModelAttribute
    void common(HttpServletRequest request, Model model) {
        model.addAttribute("tenant", TenantRoute.of(request).orElseThrow());
        model.addAttribute("kinds", ProgramKind.values());
        model.addAttribute("modes", MatchingMode.values());
        model.addAttribute("roles", Role.values());
        model.addAttribute("questionKinds", QuestionKind.values());
        model.addAttribute("importances", Importance.values());
    }

    @GetMapping
    String list(Model model) {
        var list = programs.list();
        model.addAttribute("programs", list);
        model.addAttribute(
                "participation",
                programs.participation(list.stream().map(Program::id).toList()));
        model.addAttribute("none", Participation.NONE);
        return LIST;
    }

    @GetMapping("/new")
    String newProgram(Model model) {
        model.addAttribute("form", ProgramForm.blank());
        return NEW;
    }

    @PostMapping
    String create(
            @ModelAttribute("form") ProgramForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            var program = programs.create(form.settings());
            redirect.addFlashAttribute("notice", program.name() + " is created as a draft. Add its questions next.");
            return "redirect:/admin/programs/" + program.id();
        } catch (ProgramRefused refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            refusedIn(model, "errors", refused);
            return NEW;
        }
    }

    @GetMapping("/{id}")
    String program(@PathVariable UUID id, Model model) {
        return detail(id, model);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable UUID id,
            @ModelAttribute("form") ProgramForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            var program = programs.update(id, form.settings());
            redirect.addFlashAttribute("notice", "The settings of " + program.name() + " are saved.");
            return "redirect:/admin/programs/" + id;
        } catch (ProgramRefused refused) {
            if (refused.kind() == DomainException.Kind.NOT_FOUND) {
                throw refused;
            }
            response.setStatus(refused.kind().status().value());
            refusedIn(model, "errors", refused);
            return detail(id, model);
        }
    }

    @PostMapping("/{id}/status")
    String changeStatus(
            @PathVariable UUID id,
            @RequestParam(required = false) String status,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            var target = ProgramForm.choice(ProgramStatus.class, status, "status", "Choose a status.");
            var program = programs.changeStatus(id, target);
            redirect.addFlashAttribute(
                    "notice", program.name() + " is " + program.status().name().toLowerCase() + " now.");
            return "redirect:/admin/programs/" + id;
        } catch (DomainException refused) {
            // Billing's open-program limit refuses here too.
            if (refused.kind() == DomainException.Kind.NOT_FOUND) {
                throw refused;
            }
            response.setStatus(refused.kind().status().value());
            model.addAttribute("problem", refused.getMessage());
            return detail(id, model);
        }
    }

    @PostMapping("/{id}/duplicate")
    String duplicate(@PathVariable UUID id, RedirectAttributes redirect) {
        var copy = programs.duplicate(id);
        redirect.addFlashAttribute("notice", copy.name() + " is a new draft with the same settings and questions.");
        return "redirect:/admin/programs/" + copy.id();
    }

    @PostMapping("/{id}/questions")
    String addQuestion(
            @PathVariable UUID id,
            @ModelAttribute("questionForm") QuestionForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            var question = programs.addQuestion(id, form.definition(), form.pairWith());
            redirect.addFlashAttribute("notice", "'" + question.label() + "' is added.");
            return "redirect:/admin/programs/" + id + "#questions";
        } catch (ProgramRefused refused) {
            if (refused.kind() == DomainException.Kind.NOT_FOUND
                    && refused.fieldErrors().isEmpty()) {
                throw refused;
            }
            response.setStatus(refused.kind().status().value());
            refusedIn(model, "questionErrors", refused);
            return detail(id, model);
        }
    }

    @GetMapping("/{id}/questions/{questionId}")
    String question(@PathVariable UUID id, @PathVariable UUID questionId, Model model) {
        var question = find(id, questionId);
        model.addAttribute("questionForm", QuestionForm.of(question));
        return questionPage(id, question, model);
    }

    @PostMapping("/{id}/questions/{questionId}")
    String updateQuestion(
            @PathVariable UUID id,
            @PathVariable UUID questionId,
            @ModelAttribute("questionForm") QuestionForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            var question = programs.updateQuestion(id, questionId, form.definition());
            redirect.addFlashAttribute("notice", "'" + question.label() + "' is saved.");
            return "redirect:/admin/programs/" + id + "#questions";
        } catch (ProgramRefused refused) {
            if (refused.kind() == DomainException.Kind.NOT_FOUND) {
                throw refused;
            }
            response.setStatus(refused.kind().status().value());
            refusedIn(model, "questionErrors", refused);
            return questionPage(id, find(id, questionId), model);
        }
    }

    @PostMapping("/{id}/questions/{questionId}/move")
    String move(
            @PathVariable UUID id,
            @PathVariable UUID questionId,
            @RequestParam(required = false) String direction,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            programs.moveQuestion(
                    id, questionId, ProgramForm.choice(Direction.class, direction, "direction", "Move UP or DOWN."));
            return null;
        });
    }

    @PostMapping("/{id}/questions/{questionId}/remove")
    String remove(@PathVariable UUID id, @PathVariable UUID questionId, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            var label = find(id, questionId).label();
            programs.removeQuestion(id, questionId);
            return "'" + label + "' is removed, with everyone's answers to it.";
        });
    }

    @PostMapping("/{id}/questions/{questionId}/pairing")
    String pairing(
            @PathVariable UUID id,
            @PathVariable UUID questionId,
            @RequestParam(required = false) String pairedQuestionId,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            if (pairedQuestionId == null || pairedQuestionId.isBlank()) {
                var question = programs.unpair(id, questionId);
                return "'" + question.label() + "' is not paired now.";
            }
            var other = new QuestionForm(null, null, null, null, null, null, null, null, pairedQuestionId).pairWith();
            var question = programs.pair(id, questionId, other);
            return "'" + question.label() + "' is paired with '"
                    + find(id, other).label() + "'.";
        });
    }

    /** A refusal outside a form (an unknown program or question, a closed program): a page that says what happened. */
    @ExceptionHandler(ProgramRefused.class)
    ModelAndView refused(ProgramRefused refused, HttpServletRequest request) {
        return RefusalPage.of(refused, request, "/admin/programs");
    }

    private String detail(UUID id, Model model) {
        var program = programs.get(id);
        var questions = programs.questions(id);
        model.addAttribute("program", program);
        model.addAttribute("participation", programs.participation(List.of(id)).getOrDefault(id, Participation.NONE));
        model.addAttribute("questions", questions);
        model.addAttribute(
                "byId", questions.stream().collect(Collectors.toMap(RegistrationQuestion::id, Function.identity())));
        model.addAttribute("partners", partners(questions));
        model.addAttribute("next", program.status().next().stream().sorted().toList());
        model.addAttribute(
                "questionsEditable",
                program.status() == ProgramStatus.DRAFT || program.status() == ProgramStatus.ENROLLING);
        model.addAttribute(
                "readiness",
                program.status() == ProgramStatus.DRAFT ? programs.problemsBeforeEnrolling(id) : List.of());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ProgramForm.of(program));
        }
        if (!model.containsAttribute("questionForm")) {
            model.addAttribute("questionForm", QuestionForm.blank());
        }
        return DETAIL;
    }

    private String questionPage(UUID id, RegistrationQuestion question, Model model) {
        var questions = programs.questions(id);
        model.addAttribute("program", programs.get(id));
        model.addAttribute("question", question);
        model.addAttribute(
                "partner",
                questions.stream()
                        .filter(other -> other.id().equals(question.pairedQuestionId()))
                        .findFirst()
                        .orElse(null));
        return QUESTION;
    }

    private RegistrationQuestion find(UUID id, UUID questionId) {
        return programs.questions(id).stream()
                .filter(question -> question.id().equals(questionId))
                .findFirst()
                .orElseThrow(() -> ProgramRefused.questionNotFound(questionId));
    }

    /** For each question, the questions it may be paired with: the other role, the same kind, never free text. */
    private static Map<UUID, List<RegistrationQuestion>> partners(List<RegistrationQuestion> questions) {
        var result = new LinkedHashMap<UUID, List<RegistrationQuestion>>();
        for (var question : questions) {
            result.put(
                    question.id(),
                    question.kind() == QuestionKind.TEXT
                            ? List.of()
                            : questions.stream()
                                    .filter(other -> other.role() != question.role() && other.kind() == question.kind())
                                    .toList());
        }
        return result;
    }

    private static void refusedIn(Model model, String errorsName, ProgramRefused refused) {
        if (refused.fieldErrors().isEmpty()) {
            model.addAttribute("problem", refused.getMessage());
        } else {
            model.addAttribute(errorsName, refused.fieldErrors());
        }
    }

    private String act(UUID id, RedirectAttributes redirect, Change change) {
        try {
            var notice = change.apply();
            if (notice != null) {
                redirect.addFlashAttribute("notice", notice);
            }
        } catch (DomainException refused) {
            // Refusals of other modules too (billing's open-program limit) are shown on the program's page.
            if (refused.kind() == DomainException.Kind.NOT_FOUND
                    && refused.fieldErrors().isEmpty()) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/admin/programs/" + id + "#questions";
    }

    private interface Change {
        String apply();
    }
}

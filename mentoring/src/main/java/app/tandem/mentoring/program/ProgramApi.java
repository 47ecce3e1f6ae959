package app.tandem.mentoring.program;

import app.tandem.core.routing.OnTenantHost;
import app.tandem.mentoring.matching.Importance;
import app.tandem.mentoring.matching.QuestionKind;
import app.tandem.mentoring.matching.Role;
import app.tandem.mentoring.program.Programs.Direction;
import app.tandem.mentoring.program.Programs.Participation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Programs and their registration questions for tools: coordinators set them up and move them through their
 * statuses; members read the programs open for enrollment or running.
 */
@RestController
@OnTenantHost
@RequestMapping("/api/v1/programs")
class ProgramApi {

    private final Programs programs;

    ProgramApi(Programs programs) {
        this.programs = programs;
    }

    /**
     * A program's settings as a tool sends them. {@code kind} and {@code matchingMode} are required;
     * {@code maxGroupSize} only for GROUP programs; {@code defaultMentorCapacity} defaults to 1,
     * {@code pendingRequestCap} to 5 and {@code requestExpiryDays} to 14.
     */
    record ProgramRequest(
            String name,
            String description,
            ProgramKind kind,
            Integer maxGroupSize,
            LocalDate startsOn,
            LocalDate endsOn,
            MatchingMode matchingMode,
            Integer defaultMentorCapacity,
            Integer pendingRequestCap,
            Integer requestExpiryDays) {

        ProgramSettings settings() {
            return new ProgramSettings(
                    name,
                    description,
                    kind,
                    maxGroupSize,
                    startsOn,
                    endsOn,
                    matchingMode,
                    defaultMentorCapacity == null ? 1 : defaultMentorCapacity,
                    pendingRequestCap == null ? ProgramSettings.DEFAULT_PENDING_REQUEST_CAP : pendingRequestCap,
                    requestExpiryDays == null ? ProgramSettings.DEFAULT_REQUEST_EXPIRY_DAYS : requestExpiryDays);
        }
    }

    /**
     * A program as the API shows it, with how many mentors and mentees take part and the statuses it may move to
     * next (each still subject to its guard).
     */
    record ProgramView(
            UUID id,
            String name,
            String description,
            ProgramKind kind,
            Integer maxGroupSize,
            LocalDate startsOn,
            LocalDate endsOn,
            ProgramStatus status,
            MatchingMode matchingMode,
            int defaultMentorCapacity,
            int pendingRequestCap,
            int requestExpiryDays,
            long mentors,
            long mentees,
            List<ProgramStatus> allowedNextStatuses,
            String createdBy,
            Instant createdAt,
            Instant updatedAt) {

        static ProgramView of(Program program, Participation participation) {
            return new ProgramView(
                    program.id(),
                    program.name(),
                    program.description(),
                    program.kind(),
                    program.maxGroupSize(),
                    program.startsOn(),
                    program.endsOn(),
                    program.status(),
                    program.matchingMode(),
                    program.defaultMentorCapacity(),
                    program.pendingRequestCap(),
                    program.requestExpiryDays(),
                    participation.mentors(),
                    participation.mentees(),
                    program.status().next().stream().sorted().toList(),
                    program.createdBy(),
                    program.createdAt(),
                    program.updatedAt());
        }
    }

    /**
     * A registration question as a tool sends it. {@code options} for choice questions; {@code importance} when it
     * feeds matching; {@code numberRange} for number questions that feed matching; {@code pairedQuestionId} (on
     * POST only) pairs the new question at once.
     */
    record QuestionRequest(
            Role role,
            QuestionKind kind,
            String label,
            String help,
            List<String> options,
            Boolean required,
            Importance importance,
            Double numberRange,
            UUID pairedQuestionId) {

        QuestionDefinition definition() {
            return new QuestionDefinition(
                    role, kind, label, help, options, Boolean.TRUE.equals(required), importance, numberRange);
        }
    }

    /** A registration question with its pairing; {@code feedsMatching} when it has an importance and a partner. */
    record QuestionView(
            UUID id,
            int position,
            Role role,
            QuestionKind kind,
            String label,
            String help,
            List<String> options,
            boolean required,
            Importance importance,
            Double numberRange,
            UUID pairedQuestionId,
            boolean feedsMatching) {

        static QuestionView of(RegistrationQuestion question) {
            return new QuestionView(
                    question.id(),
                    question.position(),
                    question.role(),
                    question.kind(),
                    question.label(),
                    question.help(),
                    question.options(),
                    question.required(),
                    question.importance(),
                    question.numberRange(),
                    question.pairedQuestionId(),
                    question.feedsMatching());
        }
    }

    /** Where a program is to go. */
    record StatusChange(ProgramStatus status) {}

    /** The question of the other role to pair with. */
    record Pairing(UUID pairedQuestionId) {}

    /** Which way a question moves in the form. */
    record Move(Direction direction) {}

    /** The programs: all of them for coordinators (newest first), those enrolling or running for members. */
    @GetMapping
    List<ProgramView> list() {
        var list = programs.list();
        var participation =
                programs.participation(list.stream().map(Program::id).toList());
        return list.stream()
                .map(program -> ProgramView.of(program, participation.getOrDefault(program.id(), Participation.NONE)))
                .toList();
    }

    /** Creates a program in DRAFT (coordinators). */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ProgramView create(@RequestBody ProgramRequest request) {
        return view(programs.create(request == null ? null : request.settings()));
    }

    /** One program; a draft is found by coordinators only. */
    @GetMapping("/{id}")
    ProgramView get(@PathVariable UUID id) {
        return view(programs.get(id));
    }

    /** Replaces a program's settings (coordinators); not once it is closed. */
    @PutMapping("/{id}")
    ProgramView update(@PathVariable UUID id, @RequestBody ProgramRequest request) {
        return view(programs.update(id, request == null ? null : request.settings()));
    }

    /**
     * Moves a program to a status (coordinators): ENROLLING needs consistent questions, DRAFT (from ENROLLING) needs
     * nobody enrolled, CLOSED is final. A refusal (409) says what to fix.
     */
    @PostMapping("/{id}/status")
    ProgramView changeStatus(@PathVariable UUID id, @RequestBody StatusChange change) {
        return view(programs.changeStatus(id, change == null ? null : change.status()));
    }

    /** Copies a program with all its questions and pairings into a new DRAFT named "… (copy)" (coordinators). */
    @PostMapping("/{id}/duplicate")
    @ResponseStatus(HttpStatus.CREATED)
    ProgramView duplicate(@PathVariable UUID id) {
        return view(programs.duplicate(id));
    }

    /** The program's registration questions in the order of its form. */
    @GetMapping("/{id}/questions")
    List<QuestionView> questions(@PathVariable UUID id) {
        return programs.questions(id).stream().map(QuestionView::of).toList();
    }

    /** Adds a question at the end of the form (coordinators; while the program is a draft or enrolling). */
    @PostMapping("/{id}/questions")
    @ResponseStatus(HttpStatus.CREATED)
    QuestionView addQuestion(@PathVariable UUID id, @RequestBody QuestionRequest request) {
        return QuestionView.of(programs.addQuestion(
                id,
                request == null ? null : request.definition(),
                request == null ? null : request.pairedQuestionId()));
    }

    /**
     * Changes a question (coordinators). Role and kind change only in a draft and while unpaired; a paired question's
     * importance and range carry over to its partner.
     */
    @PutMapping("/{id}/questions/{questionId}")
    QuestionView updateQuestion(
            @PathVariable UUID id, @PathVariable UUID questionId, @RequestBody QuestionRequest request) {
        return QuestionView.of(programs.updateQuestion(id, questionId, request == null ? null : request.definition()));
    }

    /** Removes a question and everyone's answers to it; its partner is unpaired (coordinators). */
    @DeleteMapping("/{id}/questions/{questionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeQuestion(@PathVariable UUID id, @PathVariable UUID questionId) {
        programs.removeQuestion(id, questionId);
    }

    /** Moves a question one place UP or DOWN in the form (coordinators); answers the questions in their new order. */
    @PostMapping("/{id}/questions/{questionId}/move")
    List<QuestionView> moveQuestion(@PathVariable UUID id, @PathVariable UUID questionId, @RequestBody Move move) {
        return programs.moveQuestion(id, questionId, move == null ? null : move.direction()).stream()
                .map(QuestionView::of)
                .toList();
    }

    /**
     * Pairs a question with a question of the other role and the same kind (coordinators); the mentee question's
     * importance and range become the pair's, on both questions.
     */
    @PutMapping("/{id}/questions/{questionId}/pairing")
    QuestionView pair(@PathVariable UUID id, @PathVariable UUID questionId, @RequestBody Pairing pairing) {
        return QuestionView.of(programs.pair(id, questionId, pairing == null ? null : pairing.pairedQuestionId()));
    }

    /** Unpairs a question and its partner (coordinators). */
    @DeleteMapping("/{id}/questions/{questionId}/pairing")
    QuestionView unpair(@PathVariable UUID id, @PathVariable UUID questionId) {
        return QuestionView.of(programs.unpair(id, questionId));
    }

    private ProgramView view(Program program) {
        Map<UUID, Participation> participation = programs.participation(List.of(program.id()));
        return ProgramView.of(program, participation.getOrDefault(program.id(), Participation.NONE));
    }
}

package app.tandem.mentoring.enrollment;

import app.tandem.core.context.TenantScope;
import app.tandem.core.tenant.Tenant;
import app.tandem.mentoring.matching.Importance;
import app.tandem.mentoring.matching.QuestionKind;
import app.tandem.mentoring.matching.Role;
import app.tandem.mentoring.program.MatchingMode;
import app.tandem.mentoring.program.Program;
import app.tandem.mentoring.program.ProgramKind;
import app.tandem.mentoring.program.ProgramRepository;
import app.tandem.mentoring.program.ProgramSettings;
import app.tandem.mentoring.program.ProgramStatus;
import app.tandem.mentoring.program.QuestionDefinition;
import app.tandem.mentoring.program.RegistrationQuestion;
import app.tandem.mentoring.program.RegistrationQuestionRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Programs for enrollment tests, written straight to the repositories: a program in a given status with one question
 * of every kind for mentees and two for mentors. No stereotype: tests {@code @Import} it.
 */
public class ProgramFixtures {

    private final ProgramRepository programs;
    private final RegistrationQuestionRepository questions;
    private final TransactionTemplate transactions;

    ProgramFixtures(
            ProgramRepository programs, RegistrationQuestionRepository questions, TransactionTemplate transactions) {
        this.programs = programs;
        this.questions = questions;
        this.transactions = transactions;
    }

    /** A program and its questions' ids. */
    public record TestProgram(
            UUID id,
            String name,
            UUID menteeLevel,
            UUID menteeTopics,
            UUID menteeRanked,
            UUID menteeYears,
            UUID menteeNote,
            UUID mentorLevel,
            UUID mentorTopics) {}

    public TestProgram program(Tenant tenant, ProgramStatus status) {
        return program(tenant, status, ProgramKind.ONE_TO_ONE, null);
    }

    public TestProgram program(Tenant tenant, ProgramStatus status, ProgramKind kind, Integer maxGroupSize) {
        return TenantScope.get(
                tenant.id(),
                () -> transactions.execute(tx -> {
                    var now = Instant.now();
                    var name = "Program " + UUID.randomUUID().toString().substring(0, 6);
                    var program = new Program(
                            new ProgramSettings(
                                    name,
                                    "Six months of mentoring.",
                                    kind,
                                    maxGroupSize,
                                    LocalDate.of(2026, 12, 1),
                                    LocalDate.of(2027, 5, 31),
                                    MatchingMode.BOTH,
                                    2,
                                    ProgramSettings.DEFAULT_PENDING_REQUEST_CAP,
                                    ProgramSettings.DEFAULT_REQUEST_EXPIRY_DAYS),
                            "Test",
                            now);
                    for (var step : path(status)) {
                        program.moveTo(step, now);
                    }
                    programs.save(program);
                    var level = question(
                            program, 0, Role.MENTEE, QuestionKind.SINGLE_CHOICE, "Level", true, "Junior", "Senior");
                    var topics = question(
                            program, 1, Role.MENTEE, QuestionKind.MULTI_CHOICE, "Topics", true, "Java", "Go", "Rust");
                    var ranked = question(
                            program,
                            2,
                            Role.MENTEE,
                            QuestionKind.RANKED_CHOICE,
                            "Priorities",
                            false,
                            "Career",
                            "Tech",
                            "Life");
                    var years = question(program, 3, Role.MENTEE, QuestionKind.NUMBER, "Years", false);
                    var note = question(program, 4, Role.MENTEE, QuestionKind.TEXT, "Anything else?", false);
                    var mentorLevel = question(
                            program, 5, Role.MENTOR, QuestionKind.SINGLE_CHOICE, "Seniority", true, "Junior", "Senior");
                    var mentorTopics = question(
                            program,
                            6,
                            Role.MENTOR,
                            QuestionKind.MULTI_CHOICE,
                            "Topics you teach",
                            false,
                            "Java",
                            "Go",
                            "Rust");
                    return new TestProgram(
                            program.id(),
                            name,
                            level.id(),
                            topics.id(),
                            ranked.id(),
                            years.id(),
                            note.id(),
                            mentorLevel.id(),
                            mentorTopics.id());
                }));
    }

    /** Moves a program on (or back) to {@code status}, as the program's set-up would. */
    public void move(Tenant tenant, UUID programId, ProgramStatus status) {
        TenantScope.run(
                tenant.id(),
                () -> transactions.executeWithoutResult(tx -> {
                    var program = programs.findById(programId).orElseThrow();
                    program.moveTo(status, Instant.now());
                }));
    }

    private RegistrationQuestion question(
            Program program,
            int position,
            Role role,
            QuestionKind kind,
            String label,
            boolean required,
            String... options) {
        return questions.save(new RegistrationQuestion(
                program.id(),
                position,
                new QuestionDefinition(
                        role, kind, label, "Help for " + label, List.of(options), required, Importance.VERY, null)));
    }

    private static List<ProgramStatus> path(ProgramStatus status) {
        return switch (status) {
            case DRAFT -> List.of();
            case ENROLLING -> List.of(ProgramStatus.ENROLLING);
            case RUNNING -> List.of(ProgramStatus.ENROLLING, ProgramStatus.RUNNING);
            case CLOSED -> List.of(ProgramStatus.CLOSED);
        };
    }
}

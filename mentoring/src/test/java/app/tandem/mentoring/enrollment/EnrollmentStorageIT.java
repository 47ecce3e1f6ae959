package app.tandem.mentoring.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import app.tandem.core.context.TenantScope;
import app.tandem.core.test.TenantFixtures;
import app.tandem.identity.OrgRole;
import app.tandem.identity.test.MemberFixtures;
import app.tandem.mentoring.MentoringIntegrationTest;
import app.tandem.mentoring.matching.Answer;
import app.tandem.mentoring.matching.Importance;
import app.tandem.mentoring.matching.QuestionKind;
import app.tandem.mentoring.matching.Role;
import app.tandem.mentoring.program.MatchingMode;
import app.tandem.mentoring.program.Program;
import app.tandem.mentoring.program.ProgramKind;
import app.tandem.mentoring.program.ProgramRepository;
import app.tandem.mentoring.program.ProgramSettings;
import app.tandem.mentoring.program.QuestionDefinition;
import app.tandem.mentoring.program.RegistrationQuestion;
import app.tandem.mentoring.program.RegistrationQuestionRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Programs, questions and enrollments with their answers survive the database round trip, each in its tenant. */
@MentoringIntegrationTest
class EnrollmentStorageIT {

    @Autowired
    TenantFixtures tenants;

    @Autowired
    MemberFixtures members;

    @Autowired
    ProgramRepository programs;

    @Autowired
    RegistrationQuestionRepository questions;

    @Autowired
    EnrollmentRepository enrollments;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void answersOfEveryKindComeBackAsWrittenAndStayInTheirTenant() {
        var tenant = tenants.activeTenant("storage");
        var other = tenants.activeTenant("storage-other");
        var mentor = members.member(tenant, OrgRole.MEMBER);
        var now = Instant.parse("2026-11-29T12:00:00Z");

        var enrollmentId = TenantScope.get(
                tenant.id(),
                () -> transactions.execute(status -> {
                    var program = programs.save(new Program(
                            new ProgramSettings(
                                    "Pilot",
                                    "",
                                    ProgramKind.ONE_TO_ONE,
                                    null,
                                    null,
                                    null,
                                    MatchingMode.BOTH,
                                    2,
                                    ProgramSettings.DEFAULT_PENDING_REQUEST_CAP,
                                    ProgramSettings.DEFAULT_REQUEST_EXPIRY_DAYS),
                            "Ada",
                            now));
                    var topics = questions.save(new RegistrationQuestion(
                            program.id(),
                            0,
                            new QuestionDefinition(
                                    Role.MENTOR,
                                    QuestionKind.RANKED_CHOICE,
                                    "Topics",
                                    "",
                                    List.of("Java", "Go", "Rust"),
                                    true,
                                    Importance.VERY,
                                    null)));
                    var years = questions.save(new RegistrationQuestion(
                            program.id(),
                            1,
                            new QuestionDefinition(
                                    Role.MENTOR,
                                    QuestionKind.NUMBER,
                                    "Years",
                                    "",
                                    List.of(),
                                    false,
                                    Importance.SOMEWHAT,
                                    10.0)));
                    var note = questions.save(new RegistrationQuestion(
                            program.id(),
                            2,
                            new QuestionDefinition(
                                    Role.MENTOR,
                                    QuestionKind.TEXT,
                                    "Anything else?",
                                    "",
                                    List.of(),
                                    false,
                                    null,
                                    null)));
                    return enrollments
                            .save(new Enrollment(
                                    program.id(),
                                    mentor.memberId(),
                                    Role.MENTOR,
                                    3,
                                    Map.of(
                                            topics.id(), Answer.choices("Rust", "Java"),
                                            years.id(), Answer.number(12),
                                            note.id(), Answer.text("Evenings only")),
                                    now))
                            .id();
                }));

        var stored = TenantScope.get(
                tenant.id(),
                () -> transactions.execute(
                        status -> enrollments.findById(enrollmentId).orElseThrow()));
        assertThat(stored.capacity()).isEqualTo(3);
        assertThat(stored.answers().values())
                .containsExactlyInAnyOrder(
                        Answer.choices("Rust", "Java"), Answer.number(12), Answer.text("Evenings only"));
        assertThat(TenantScope.get(other.id(), () -> enrollments.findById(enrollmentId)))
                .isEmpty();
    }
}

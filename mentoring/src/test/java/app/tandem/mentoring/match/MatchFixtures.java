package app.tandem.mentoring.match;

import app.tandem.core.context.TenantScope;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.test.TestClock;
import app.tandem.identity.CurrentMember;
import app.tandem.identity.OrgRole;
import app.tandem.identity.SignedInMember;
import app.tandem.identity.security.BrowserSessions;
import app.tandem.identity.test.MemberFixtures;
import app.tandem.identity.test.MemberFixtures.Account;
import app.tandem.mentoring.enrollment.Enrollment;
import app.tandem.mentoring.enrollment.EnrollmentRepository;
import app.tandem.mentoring.matching.Answer;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Programs with a paired "languages" question, mentors and mentees enrolled with their answers, and ways to act as a
 * member: in a service call (the request attribute identity's filter leaves, and the authority of the role) or in a
 * MockMvc page request (a browser session of the tenant, which identity's filter turns into the member).
 */
@TestConfiguration(proxyBeanMethods = false)
public class MatchFixtures {

    @Autowired
    ProgramRepository programs;

    @Autowired
    RegistrationQuestionRepository questions;

    @Autowired
    EnrollmentRepository enrollments;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MemberFixtures people;

    @Bean
    @Primary
    static TestClock testClock() {
        return new TestClock();
    }

    /** A program and the ids of its paired questions: languages (VERY, or MUST) mentor side and mentee side. */
    record TestProgram(Tenant tenant, UUID id, UUID mentorLanguages, UUID menteeLanguages) {}

    TestProgram program(Tenant tenant, MatchingMode mode, Importance languages, int pendingCap) {
        return program(tenant, mode, languages, pendingCap, ProgramKind.ONE_TO_ONE, null);
    }

    TestProgram program(
            Tenant tenant, MatchingMode mode, Importance languages, int pendingCap, ProgramKind kind, Integer group) {
        var now = Instant.now();
        return TenantScope.get(
                tenant.id(),
                () -> transactions.execute(status -> {
                    var program = new Program(
                            new ProgramSettings(
                                    "Pilot " + UUID.randomUUID().toString().substring(0, 6),
                                    "",
                                    kind,
                                    group,
                                    null,
                                    null,
                                    mode,
                                    2,
                                    pendingCap,
                                    14),
                            "test",
                            now);
                    program.moveTo(ProgramStatus.ENROLLING, now);
                    programs.save(program);
                    var mentorQuestion = questions.save(new RegistrationQuestion(
                            program.id(),
                            0,
                            new QuestionDefinition(
                                    Role.MENTOR,
                                    QuestionKind.MULTI_CHOICE,
                                    "Languages you teach",
                                    "",
                                    List.of("Java", "Go", "Rust"),
                                    true,
                                    languages,
                                    null)));
                    var menteeQuestion = questions.save(new RegistrationQuestion(
                            program.id(),
                            1,
                            new QuestionDefinition(
                                    Role.MENTEE,
                                    QuestionKind.MULTI_CHOICE,
                                    "Languages",
                                    "",
                                    List.of("Java", "Go", "Rust"),
                                    true,
                                    languages,
                                    null)));
                    mentorQuestion.pairWith(menteeQuestion.id());
                    menteeQuestion.pairWith(mentorQuestion.id());
                    return new TestProgram(tenant, program.id(), mentorQuestion.id(), menteeQuestion.id());
                }));
    }

    record Person(Account account, UUID enrollmentId) {}

    Person mentor(TestProgram program, int capacity, String... languages) {
        return enroll(program, Role.MENTOR, capacity, languages);
    }

    Person mentee(TestProgram program, String... languages) {
        return enroll(program, Role.MENTEE, null, languages);
    }

    private Person enroll(TestProgram program, Role role, Integer capacity, String... languages) {
        var account = people.member(program.tenant(), OrgRole.MEMBER);
        var question = role == Role.MENTOR ? program.mentorLanguages() : program.menteeLanguages();
        var enrollment = TenantScope.get(
                program.tenant().id(),
                () -> enrollments.save(new Enrollment(
                        program.id(),
                        account.memberId(),
                        role,
                        capacity,
                        Map.of(question, Answer.choices(languages)),
                        Instant.now())));
        return new Person(account, enrollment.id());
    }

    /** Runs {@code work} in the tenant as the member, as if identity's filter had let their request through. */
    static <T> T as(Tenant tenant, Account account, OrgRole role, Supplier<T> work) {
        var request = new MockHttpServletRequest();
        request.setAttribute(
                CurrentMember.REQUEST_ATTRIBUTE,
                new SignedInMember(
                        account.memberId(),
                        tenant.id(),
                        account.userId(),
                        account.email(),
                        account.displayName(),
                        role));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(account.email(), "", role.authority()));
        try {
            return TenantScope.get(tenant.id(), work);
        } finally {
            SecurityContextHolder.clearContext();
            RequestContextHolder.resetRequestAttributes();
        }
    }

    static <T> T as(Tenant tenant, Account account, Supplier<T> work) {
        return as(tenant, account, OrgRole.MEMBER, work);
    }

    /** A browser session of the account on the tenant's host. */
    static RequestPostProcessor session(Tenant tenant, Account account) {
        return BrowserSessions.signedIn(tenant, account);
    }
}

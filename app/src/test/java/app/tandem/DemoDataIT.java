package app.tandem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.billing.account.AccountStatus;
import app.tandem.billing.account.BillingAccounts;
import app.tandem.billing.plan.PlanCatalog;
import app.tandem.billing.seat.SeatUsage;
import app.tandem.core.context.TenantScope;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.tenant.TenantSlug;
import app.tandem.core.tenant.TenantStatus;
import app.tandem.demo.DemoData;
import app.tandem.demo.DemoProgram;
import app.tandem.identity.IdentityDirectory;
import app.tandem.identity.OrgRole;
import app.tandem.identity.member.MemberView;
import app.tandem.identity.member.Members;
import app.tandem.identity.security.BrowserSessions;
import app.tandem.identity.test.MemberFixtures.Account;
import app.tandem.mentoring.enrollment.Enrollment;
import app.tandem.mentoring.enrollment.EnrollmentRepository;
import app.tandem.mentoring.matching.Importance;
import app.tandem.mentoring.matching.QuestionPair;
import app.tandem.mentoring.matching.Role;
import app.tandem.mentoring.program.MatchingQuestions;
import app.tandem.mentoring.program.Program;
import app.tandem.mentoring.program.ProgramRepository;
import app.tandem.mentoring.program.ProgramStatus;
import app.tandem.mentoring.program.RegistrationQuestionRepository;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

@AppIntegrationTest
class DemoDataIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TenantRegistry registry;

    @Autowired
    DemoData demoData;

    @Autowired
    IdentityDirectory directory;

    @Autowired
    Members members;

    @Test
    void localRunsGetAnActiveDemoTenantOnce() throws Exception {
        var demo = registry.findBySlug("demo").orElseThrow();
        assertThat(demo.status()).isEqualTo(TenantStatus.ACTIVE);

        demoData.run(null);

        assertThat(registry.findBySlug("demo").orElseThrow().id()).isEqualTo(demo.id());
        mvc.perform(get("http://demo.localhost/").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Demo Mentoring Association")));
    }

    @Test
    void theDemoAccountsAreMembersWithTheirRolesAndTheOperatorBelongsToNoOrganization() {
        var demo = registry.findBySlug("demo").orElseThrow();
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("test", "", "ROLE_ORG_ADMIN"));
        try {
            var seeded = TenantScope.get(demo.id(), members::list);
            assertThat(seeded)
                    .extracting(MemberView::email, MemberView::role)
                    .contains(
                            tuple("ada@demo.localhost", OrgRole.ORG_ADMIN),
                            tuple("maya@demo.localhost", OrgRole.MEMBER),
                            tuple("milo@demo.localhost", OrgRole.MEMBER));
            assertThat(seeded).extracting(MemberView::email).doesNotContain("olga@tandem.localhost");
        } finally {
            SecurityContextHolder.clearContext();
        }
        for (var account : DemoData.ACCOUNTS) {
            var user = directory.findOrCreateUser(account.email(), account.firstName(), account.lastName());
            assertThat(directory.isMember(TenantSlug.of("demo"), user))
                    .as(account.email())
                    .isEqualTo(account.role() != null);
        }
    }

    @Autowired
    DemoProgram demoProgram;

    @Autowired
    ProgramRepository programs;

    @Autowired
    RegistrationQuestionRepository questions;

    @Autowired
    EnrollmentRepository enrollments;

    @Test
    void theDemoTenantHasAPilotOpenForEnrollmentWithPairedQuestionsAndPeopleWhoAnsweredThem() {
        var demo = registry.findBySlug("demo").orElseThrow();

        demoProgram.run(null);

        TenantScope.run(demo.id(), () -> {
            assertThat(programs.findAll())
                    .filteredOn(program -> program.name().equals(DemoProgram.NAME))
                    .singleElement()
                    .satisfies(program -> {
                        assertThat(program.status()).isEqualTo(ProgramStatus.ENROLLING);
                        assertThat(MatchingQuestions.of(questions.findByProgramIdOrderByPositionAsc(program.id())))
                                .extracting(QuestionPair::importance)
                                .containsExactly(
                                        Importance.VERY, Importance.MUST, Importance.MODERATE, Importance.SOMEWHAT);
                        var taking = enrollments.findByProgramIdOrderByCreatedAtAsc(program.id());
                        assertThat(taking)
                                .filteredOn(e -> e.role() == Role.MENTOR)
                                .hasSizeGreaterThanOrEqualTo(5);
                        assertThat(taking)
                                .filteredOn(e -> e.role() == Role.MENTEE)
                                .hasSizeGreaterThanOrEqualTo(15);
                        var maya = members.findByEmail("maya@demo.localhost").orElseThrow();
                        var milo = members.findByEmail("milo@demo.localhost").orElseThrow();
                        assertThat(taking)
                                .extracting(Enrollment::memberId)
                                .contains(maya.id())
                                .doesNotContain(milo.id());
                    });
        });
    }

    @Autowired
    BillingAccounts billing;

    @Autowired
    SeatUsage seats;

    @Test
    void theDemoOrganizationIsOnAGrowthTrialAndEveryEnrollmentOfThePilotHoldsASeat() {
        var demo = registry.findBySlug("demo").orElseThrow();

        demoProgram.run(null);

        var pilot = pilot(demo);
        var enrolled = TenantScope.get(
                demo.id(),
                () -> enrollments.findByProgramIdOrderByCreatedAtAsc(pilot.id()).size());
        assertThat(TenantScope.get(demo.id(), seats::perProgram)).containsEntry(pilot.id(), enrolled);
        var overview = billing.overview(demo.id());
        assertThat(overview.planCode()).isEqualTo(PlanCatalog.GROWTH);
        assertThat(overview.status()).isEqualTo(AccountStatus.TRIALING);
        assertThat(overview.trialEndsAt()).isAfter(Instant.now());
        await().untilAsserted(
                        () -> assertThat(billing.overview(demo.id()).seats()).isEqualTo(enrolled));
    }

    @Test
    void adaRunsAutoMatchOnThePilotAndGetsDraftsWithReasons() throws Exception {
        var demo = registry.findBySlug("demo").orElseThrow();
        var pilot = pilot(demo);
        var ada = TenantScope.get(
                demo.id(), () -> members.findByEmail("ada@demo.localhost").orElseThrow());
        var session = BrowserSessions.signedIn(
                demo,
                new Account(
                        directory.findOrCreateUser(ada.email(), "Ada", "Admin"),
                        ada.email(),
                        DemoData.PASSWORD,
                        ada.displayName(),
                        ada.id()));
        var board = "http://demo.localhost/admin/programs/" + pilot.id() + "/matching";

        mvc.perform(post(board + "/runs").with(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", containsString("Auto-match proposes")));
        mvc.perform(get(board).with(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("counted Very important (5)")));
    }

    private Program pilot(Tenant demo) {
        return TenantScope.get(
                demo.id(),
                () -> programs.findAll().stream()
                        .filter(program -> program.name().equals(DemoProgram.NAME))
                        .findFirst()
                        .orElseThrow());
    }
}

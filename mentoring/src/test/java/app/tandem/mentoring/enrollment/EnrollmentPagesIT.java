package app.tandem.mentoring.enrollment;

import static app.tandem.identity.security.BrowserSessions.signedIn;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.core.context.TenantScope;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.test.TenantFixtures;
import app.tandem.identity.OrgRole;
import app.tandem.identity.test.MemberFixtures;
import app.tandem.identity.test.MemberFixtures.Account;
import app.tandem.mentoring.MentoringIntegrationTest;
import app.tandem.mentoring.program.ProgramStatus;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The members' program pages, the profile page and the participants page as a browser without JavaScript gets them:
 * forms by question kind, refusals that keep what was typed, and the actions on an enrollment.
 */
@MentoringIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrollmentPagesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TenantFixtures tenants;

    @Autowired
    MemberFixtures people;

    @Autowired
    ProgramFixtures programs;

    @Autowired
    EnrollmentRepository enrollments;

    Tenant tenant;
    Account coordinator;

    @BeforeAll
    void organization() {
        tenant = tenants.activeTenant("enroll-pages");
        coordinator = people.member(tenant, OrgRole.COORDINATOR);
    }

    @Test
    void theProgramsPageListsOpenProgramsAndNotDrafts() throws Exception {
        var open = programs.program(tenant, ProgramStatus.ENROLLING);
        var draft = programs.program(tenant, ProgramStatus.DRAFT);
        var member = people.member(tenant, OrgRole.MEMBER);

        page(member, get("/programs"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(open.name()),
                                containsString("Six months of mentoring."),
                                containsString("You take part in no program yet."),
                                not(containsString(draft.name())))));
        page(member, get("/programs/" + draft.id())).andExpect(status().isNotFound());
        page(member, get("/programs/" + UUID.randomUUID()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("This organization has no program")));
    }

    @Test
    void theEnrollmentFormRendersEachQuestionByItsKind() throws Exception {
        var program = programs.program(tenant, ProgramStatus.ENROLLING);
        var member = people.member(tenant, OrgRole.MEMBER);

        page(member, get("/programs/" + program.id()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("type=\"radio\" name=\"answer-" + program.menteeLevel() + "\""),
                                containsString("type=\"checkbox\" name=\"answer-" + program.menteeTopics() + "\""),
                                containsString("1st choice"),
                                containsString("3rd choice"),
                                containsString("<select class=\"form-select\" name=\"answer-" + program.menteeRanked()),
                                containsString("type=\"number\" step=\"any\""),
                                containsString("<textarea"),
                                containsString("Help for Level"),
                                containsString("Enroll as mentor"),
                                containsString("Enroll as mentee"),
                                containsString("name=\"capacity\""),
                                containsString(
                                        "<label class=\"form-label\" for=\"q-" + program.menteeYears() + "\">"))));
    }

    @Test
    void aRefusedEnrollmentComesBackWithTheEnteredValuesAndEachProblemAtItsQuestion() throws Exception {
        var program = programs.program(tenant, ProgramStatus.ENROLLING);
        var member = people.member(tenant, OrgRole.MEMBER);

        page(
                        member,
                        post("/programs/" + program.id() + "/enroll")
                                .param("role", "MENTEE")
                                .param("answer-" + program.menteeTopics(), "Rust")
                                .param("answer-" + program.menteeYears(), "three")
                                .param("answer-" + program.menteeNote(), "Evenings only"))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(allOf(
                                containsString("&#39;Years&#39; takes a number; &#39;three&#39; is not one."),
                                containsString("value=\"three\""),
                                containsString(">Evenings only</textarea>"),
                                matchesPattern("(?s).*value=\"Rust\"\\s+checked=\"checked\".*"))));

        page(
                        member,
                        post("/programs/" + program.id() + "/enroll")
                                .param("role", "MENTEE")
                                .param("answer-" + program.menteeTopics(), "Rust")
                                .param("answer-" + program.menteeNote(), "Evenings only"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("&#39;Level&#39; needs an answer.")));
        page(
                        member,
                        post("/programs/" + program.id() + "/enroll")
                                .param("role", "MENTOR")
                                .param("capacity", "0")
                                .param("answer-" + program.mentorLevel(), "Senior"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("A mentor takes 1 to 100 mentees; 0 is not possible.")));

        page(member, get("/programs")).andExpect(content().string(containsString("You take part in no program yet.")));
    }

    @Test
    void aMenteeEnrollsEditsAnswersPausesResumesAndWithdrawsWithConfirmation() throws Exception {
        var program = programs.program(tenant, ProgramStatus.ENROLLING);
        var member = people.member(tenant, OrgRole.MEMBER);
        var url = "/programs/" + program.id();

        page(
                        member,
                        post(url + "/enroll")
                                .param("role", "MENTEE")
                                .param("answer-" + program.menteeLevel(), "Junior")
                                .param("answer-" + program.menteeTopics(), "Go", "Java")
                                .param("answer-" + program.menteeRanked(), "Tech", "", "Career")
                                .param("answer-" + program.menteeYears(), "2.5"))
                .andExpect(redirectedUrl(url))
                .andExpect(flash().attribute("notice", "mentoring.enrollment.notice.enrolled.MENTEE"));
        var id = enrollmentOf(program.id());

        page(member, get(url))
                .andExpect(content()
                        .string(allOf(
                                containsString("Your answers"),
                                containsString("/programs/" + program.id() + "/suggestions"),
                                containsString("value=\"2.5\""),
                                containsString("<option value=\"Tech\" selected=\"selected\">"),
                                containsString("Pause"))));
        page(
                        member,
                        post(url + "/enrollments/" + id + "/answers")
                                .param("answer-" + program.menteeLevel(), "Senior")
                                .param("answer-" + program.menteeTopics(), "Rust"))
                .andExpect(redirectedUrl(url))
                .andExpect(flash().attribute("notice", "mentoring.enrollment.notice.saved"));
        page(member, post(url + "/enrollments/" + id + "/pause")).andExpect(redirectedUrl(url));
        page(member, get(url)).andExpect(content().string(allOf(containsString("paused"), containsString("Resume"))));
        page(member, post(url + "/enrollments/" + id + "/resume")).andExpect(redirectedUrl(url));

        page(member, post(url + "/enrollments/" + id + "/withdraw"))
                .andExpect(redirectedUrl(url))
                .andExpect(flash().attribute(
                                "problem", "Tick \"Yes, withdraw me\" to confirm: withdrawing cannot be undone."));
        page(member, post(url + "/enrollments/" + id + "/withdraw").param("confirm", "true"))
                .andExpect(flash().attribute("notice", "mentoring.enrollment.notice.withdrawn"));
        page(member, get("/programs")).andExpect(content().string(containsString("withdrawn")));
    }

    @Test
    void anotherMembersEnrollmentIsNotFoundOnThePages() throws Exception {
        var program = programs.program(tenant, ProgramStatus.ENROLLING);
        var owner = people.member(tenant, OrgRole.MEMBER);
        var stranger = people.member(tenant, OrgRole.MEMBER);
        page(
                        owner,
                        post("/programs/" + program.id() + "/enroll")
                                .param("role", "MENTOR")
                                .param("answer-" + program.mentorLevel(), "Senior"))
                .andExpect(status().is3xxRedirection());
        var id = enrollmentOf(program.id());

        page(
                        stranger,
                        post("/programs/" + program.id() + "/enrollments/" + id + "/withdraw")
                                .param("confirm", "true"))
                .andExpect(status().isNotFound());
        page(owner, get("/programs/" + program.id())).andExpect(content().string(containsString("Your answers")));
    }

    @Test
    void theProfileFormKeepsWhatWasTypedOnARefusalAndSavesOtherwise() throws Exception {
        var member = people.member(tenant, OrgRole.MEMBER);

        page(
                        member,
                        post("/profile")
                                .param("headline", "Data engineer")
                                .param("skills", "SQL, Python")
                                .param("timeZone", "Mars/Olympus")
                                .param("languages", "French, xx"))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(allOf(
                                containsString("&#39;Mars/Olympus&#39; is not a time zone"),
                                containsString("&#39;xx&#39; is not a language"),
                                containsString("value=\"Data engineer\""),
                                containsString("value=\"SQL, Python\""))));

        page(
                        member,
                        post("/profile")
                                .param("headline", "Data engineer")
                                .param("skills", "SQL, Python")
                                .param("expertise", "Pipelines")
                                .param("timeZone", "Europe/Paris")
                                .param("languages", "French, en")
                                .param("yearsOfExperience", "7"))
                .andExpect(redirectedUrl("/profile"));
        page(member, get("/profile"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("value=\"French, English\""),
                                containsString("7 years of experience"),
                                containsString(">Pipelines</span>"))));
    }

    @Test
    void coordinatorsSeeTheParticipantsAndMembersDoNot() throws Exception {
        var program = programs.program(tenant, ProgramStatus.ENROLLING);
        var member = people.member(tenant, OrgRole.MEMBER);
        page(
                        member,
                        post("/programs/" + program.id() + "/enroll")
                                .param("role", "MENTEE")
                                .param("answer-" + program.menteeLevel(), "Junior")
                                .param("answer-" + program.menteeTopics(), "Go")
                                .param("answer-" + program.menteeRanked(), "Life", "Tech"))
                .andExpect(status().is3xxRedirection());

        var url = "/admin/programs/" + program.id() + "/participants";
        page(coordinator, get(url))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(member.displayName()),
                                containsString(member.email()),
                                containsString("1. Life 2. Tech"),
                                containsString("0 mentors, 1 mentees listed"))));
        page(coordinator, get(url).param("role", "MENTOR"))
                .andExpect(content().string(containsString("Nobody takes part with this role and status.")));
        page(member, get(url)).andExpect(status().isForbidden());
    }

    private UUID enrollmentOf(UUID programId) {
        return TenantScope.get(tenant.id(), () -> enrollments.findByProgramIdOrderByCreatedAtAsc(programId))
                .get(0)
                .id();
    }

    private ResultActions page(Account account, MockHttpServletRequestBuilder request) throws Exception {
        var host = tenants.hostOf(tenant);
        return mvc.perform(request.with(r -> {
                    r.setServerName(host);
                    return r;
                })
                .with(signedIn(tenant, account))
                .with(csrf())
                .accept(MediaType.TEXT_HTML));
    }
}

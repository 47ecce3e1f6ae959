package app.tandem.mentoring.program;

import static app.tandem.identity.security.BrowserSessions.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.core.context.TenantScope;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.test.TenantFixtures;
import app.tandem.identity.OrgRole;
import app.tandem.identity.test.MemberFixtures;
import app.tandem.identity.test.MemberFixtures.Account;
import app.tandem.mentoring.MentoringIntegrationTest;
import app.tandem.mentoring.matching.Importance;
import app.tandem.mentoring.matching.Role;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The program set-up pages, signed in on the tenant's host: forms, field errors, guards and refusals. */
@MentoringIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgramsPagesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TenantFixtures tenants;

    @Autowired
    MemberFixtures people;

    @Autowired
    ProgramRepository programs;

    @Autowired
    RegistrationQuestionRepository questions;

    Tenant tenant;
    Tenant other;
    Account coordinator;
    Account member;
    Account otherAdmin;

    @BeforeAll
    void organization() {
        tenant = tenants.activeTenant("programs-pages");
        other = tenants.activeTenant("programs-pages-other");
        coordinator = people.member(tenant, OrgRole.COORDINATOR);
        member = people.member(tenant, OrgRole.MEMBER);
        otherAdmin = people.member(other, OrgRole.ORG_ADMIN);
    }

    @Test
    void aCoordinatorCreatesAProgramAddsAndPairsQuestionsAndOpensIt() throws Exception {
        mvc.perform(as(coordinator, get(url("/admin/programs/new"))))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<label for=\"name\""),
                                containsString("<label for=\"maxGroupSize\""),
                                containsString("value=\"14\""))));

        var created = mvc.perform(as(coordinator, post(url("/admin/programs")))
                        .param("name", "Pages pilot")
                        .param("description", "Made on the page")
                        .param("kind", "ONE_TO_ONE")
                        .param("matchingMode", "BOTH")
                        .param("defaultMentorCapacity", "2")
                        .param("pendingRequestCap", "5")
                        .param("requestExpiryDays", "14"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/admin/programs/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var id = UUID.fromString(created.substring(created.lastIndexOf('/') + 1));

        addQuestion(id, "MENTOR", "SINGLE_CHOICE", "Track offered", "");
        addQuestion(id, "MENTEE", "SINGLE_CHOICE", "Track wanted", "VERY");
        var mentee = questionsOf(id).get(1).id();
        var mentor = questionsOf(id).get(0).id();

        mvc.perform(as(coordinator, get(url("/admin/programs/" + id))))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Pages pilot"),
                                containsString("Before it can open for enrollment:"),
                                containsString("&#39;Track wanted&#39; has an importance but is not paired"),
                                containsString("Open for enrollment"),
                                containsString("href=\"/admin/programs/" + id + "/participants\""),
                                containsString("href=\"/admin/programs/" + id + "/matching\""),
                                not(containsString("Start running")))));
        // The guard's message when the button is pressed anyway.
        mvc.perform(as(coordinator, post(url("/admin/programs/" + id + "/status")))
                        .param("status", "ENROLLING"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Pages pilot cannot open for enrollment yet")));

        mvc.perform(as(coordinator, post(url("/admin/programs/" + id + "/questions/" + mentor + "/pairing")))
                        .param("pairedQuestionId", mentee.toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "'Track offered' is paired with 'Track wanted'."));
        assertThat(questionsOf(id).get(0).importance()).isEqualTo(Importance.VERY);

        mvc.perform(as(coordinator, post(url("/admin/programs/" + id + "/status")))
                        .param("status", "ENROLLING"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/programs/" + id))
                .andExpect(flash().attribute("notice", "Pages pilot is enrolling now."));
        mvc.perform(as(coordinator, get(url("/admin/programs"))))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Pages pilot"), containsString("Enrolling"))));
        mvc.perform(as(coordinator, get(url("/admin/programs/" + id))))
                .andExpect(content()
                        .string(allOf(
                                containsString("Start running"),
                                containsString("Back to draft"),
                                containsString("Close for good"),
                                not(containsString("Open for enrollment")))));
    }

    @Test
    void aBadSettingComesBackNextToItsFieldAndNothingIsStored() throws Exception {
        var before = TenantScope.get(tenant.id(), () -> programs.count());

        mvc.perform(as(coordinator, post(url("/admin/programs")))
                        .param("name", "Groups")
                        .param("kind", "GROUP")
                        .param("maxGroupSize", "1")
                        .param("matchingMode", "ADMIN")
                        .param("defaultMentorCapacity", "1")
                        .param("pendingRequestCap", "5")
                        .param("requestExpiryDays", "14"))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"maxGroupSize-error\""),
                                containsString("The maximum group size is between 2 and 100, not 1."),
                                containsString("value=\"Groups\""))));
        mvc.perform(as(coordinator, post(url("/admin/programs")))
                        .param("name", "Dates")
                        .param("kind", "FLASH")
                        .param("startsOn", "2027-05-01")
                        .param("endsOn", "2027-04-01")
                        .param("matchingMode", "SELF")
                        .param("defaultMentorCapacity", "1")
                        .param("pendingRequestCap", "5")
                        .param("requestExpiryDays", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(
                        content().string(containsString("The request expiry is a whole number, not &#39;abc&#39;.")));

        assertThat(TenantScope.get(tenant.id(), () -> programs.count())).isEqualTo(before);
    }

    @Test
    void aBadQuestionIsShownInTheEditorAndTheQuestionCanBeChangedMovedAndRemoved() throws Exception {
        var id = createProgram("Editor");
        mvc.perform(as(coordinator, post(url("/admin/programs/" + id + "/questions")))
                        .param("role", "MENTEE")
                        .param("kind", "MULTI_CHOICE")
                        .param("label", "Topics")
                        .param("options", "Java\njava"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The option &#39;java&#39; is listed twice.")));
        assertThat(questionsOf(id)).isEmpty();

        addQuestion(id, "MENTEE", "MULTI_CHOICE", "Topics", "");
        addQuestion(id, "MENTOR", "NUMBER", "Years", "");
        var topics = questionsOf(id).get(0).id();
        var years = questionsOf(id).get(1).id();

        mvc.perform(as(coordinator, get(url("/admin/programs/" + id + "/questions/" + topics))))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(allOf(containsString("<label for=\"edit-label\""), containsString("Java"))));
        mvc.perform(as(coordinator, post(url("/admin/programs/" + id + "/questions/" + years)))
                        .param("role", "MENTOR")
                        .param("kind", "NUMBER")
                        .param("label", "Years of experience")
                        .param("importance", "MUST"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("needs a range")));
        mvc.perform(as(coordinator, post(url("/admin/programs/" + id + "/questions/" + years + "/move")))
                        .param("direction", "UP"))
                .andExpect(status().is3xxRedirection());
        assertThat(questionsOf(id)).extracting(RegistrationQuestion::label).containsExactly("Years", "Topics");

        mvc.perform(as(coordinator, post(url("/admin/programs/" + id + "/questions/" + topics + "/remove"))))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "'Topics' is removed, with everyone's answers to it."));
        assertThat(questionsOf(id)).extracting(RegistrationQuestion::role).containsExactly(Role.MENTOR);
    }

    @Test
    void duplicatingOpensTheCopy() throws Exception {
        var id = createProgram("Season one");
        addQuestion(id, "MENTOR", "TEXT", "About you", "");

        var location = mvc.perform(as(coordinator, post(url("/admin/programs/" + id + "/duplicate"))))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute(
                                "notice", "Season one (copy) is a new draft with the same settings and questions."))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var copy = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

        assertThat(copy).isNotEqualTo(id);
        assertThat(questionsOf(copy)).extracting(RegistrationQuestion::label).containsExactly("About you");
    }

    @Test
    void membersMayNotOpenTheSetUpAndAForeignProgramIsUnknown() throws Exception {
        var id = createProgram("Coordinators only");

        mvc.perform(as(member, get(url("/admin/programs")))).andExpect(status().isForbidden());
        mvc.perform(as(member, post(url("/admin/programs/" + id + "/status"))).param("status", "CLOSED"))
                .andExpect(status().isForbidden());
        // A form without its CSRF token is refused too.
        mvc.perform(post(url("/admin/programs/" + id + "/status"))
                        .with(signedIn(tenant, coordinator))
                        .param("status", "CLOSED"))
                .andExpect(status().isForbidden());

        var foreign = "http://" + tenants.hostOf(other) + "/admin/programs/" + id;
        mvc.perform(get(foreign).with(signedIn(other, otherAdmin)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("This organization has no program " + id + ".")));
        mvc.perform(post(foreign + "/status")
                        .with(signedIn(other, otherAdmin))
                        .with(csrf())
                        .param("status", "CLOSED"))
                .andExpect(status().isNotFound());
        mvc.perform(post(foreign + "/duplicate")
                        .with(signedIn(other, otherAdmin))
                        .with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(TenantScope.get(
                        tenant.id(), () -> programs.findById(id).orElseThrow().status()))
                .isEqualTo(ProgramStatus.DRAFT);
        assertThat(TenantScope.get(other.id(), () -> programs.count())).isZero();
    }

    private UUID createProgram(String name) throws Exception {
        var location = mvc.perform(as(coordinator, post(url("/admin/programs")))
                        .param("name", name)
                        .param("kind", "ONE_TO_ONE")
                        .param("matchingMode", "BOTH")
                        .param("defaultMentorCapacity", "1")
                        .param("pendingRequestCap", "5")
                        .param("requestExpiryDays", "14"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private void addQuestion(UUID program, String role, String kind, String label, String importance) throws Exception {
        mvc.perform(as(coordinator, post(url("/admin/programs/" + program + "/questions")))
                        .param("role", role)
                        .param("kind", kind)
                        .param("label", label)
                        .param("options", "Java\nGo\nRust")
                        .param("required", "true")
                        .param("importance", importance))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/programs/" + program + "#questions"));
    }

    private java.util.List<RegistrationQuestion> questionsOf(UUID program) {
        return TenantScope.get(tenant.id(), () -> questions.findByProgramIdOrderByPositionAsc(program));
    }

    private MockHttpServletRequestBuilder as(Account account, MockHttpServletRequestBuilder request) {
        return request.with(signedIn(tenant, account)).with(csrf());
    }

    private String url(String path) {
        return "http://" + tenants.hostOf(tenant) + path;
    }
}

package app.tandem.mentoring.match;

import static app.tandem.mentoring.match.MatchFixtures.as;
import static app.tandem.mentoring.match.MatchFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.core.context.TenantScope;
import app.tandem.core.test.TenantFixtures;
import app.tandem.identity.OrgRole;
import app.tandem.identity.test.MemberFixtures;
import app.tandem.mentoring.MentoringIntegrationTest;
import app.tandem.mentoring.match.MentorshipRequests.SendRequest;
import app.tandem.mentoring.matching.Importance;
import app.tandem.mentoring.program.MatchingMode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The match board, suggestions and requests pages, and the API, including ids of another tenant. */
@MentoringIntegrationTest
class MatchingWebIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TenantFixtures tenants;

    @Autowired
    MemberFixtures people;

    @Autowired
    MatchFixtures fixtures;

    @Autowired
    MentorshipRequests requests;

    @Autowired
    AutoMatching autoMatching;

    @Autowired
    MatchRepository matchRows;

    @Autowired
    MentorshipRequestRepository requestRows;

    @Test
    void aMenteeSeesSuggestionsWithReasonsAsksAndTheMentorAcceptsInTheInbox() throws Exception {
        var tenant = tenants.activeTenant("pages-member");
        var site = "http://" + tenants.hostOf(tenant);
        var program = fixtures.program(tenant, MatchingMode.SELF, Importance.VERY, 5);
        var mentor = fixtures.mentor(program, 1, "Java", "Go");
        var mentee = fixtures.mentee(program, "Java", "Go");

        mvc.perform(get(site + "/programs/" + program.id() + "/suggestions").with(session(tenant, mentee.account())))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(mentor.account().displayName()),
                                containsString("Score 100"),
                                containsString("Languages: You both chose Java, Go — counted Very important (5)"),
                                containsString("<label for=\"message-" + mentor.enrollmentId() + "\""))));
        mvc.perform(post(site + "/programs/" + program.id() + "/suggestions")
                        .param("mentorEnrollmentId", mentor.enrollmentId().toString())
                        .param("message", "Could you help me with Go?")
                        .with(session(tenant, mentee.account()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/programs/" + program.id() + "/suggestions"))
                .andExpect(flash().attribute(
                                "notice",
                                "Your request went to " + mentor.account().displayName()
                                        + ". You will hear by email."));

        var sent = TenantScope.get(
                        tenant.id(), () -> requestRows.findByProgramIdAndStatus(program.id(), RequestStatus.PENDING))
                .get(0);
        mvc.perform(get(site + "/requests").with(session(tenant, mentor.account())))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("From " + mentee.account().displayName()),
                                containsString("Could you help me with Go?"),
                                containsString("/requests/" + sent.id() + "/accept"))));
        mvc.perform(get(site + "/requests").with(session(tenant, mentee.account())))
                .andExpect(content()
                        .string(allOf(
                                containsString(mentor.account().displayName()),
                                containsString("/requests/" + sent.id() + "/withdraw"))));
        // The mentee cannot accept their own request.
        mvc.perform(post(site + "/requests/" + sent.id() + "/accept")
                        .with(session(tenant, mentee.account()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/requests"))
                .andExpect(flash().attribute("problem", "This request is not yours."));
        mvc.perform(post(site + "/requests/" + sent.id() + "/accept")
                        .param("note", "Gladly")
                        .with(session(tenant, mentor.account()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/requests"))
                .andExpect(flash().attribute(
                                "notice",
                                "You are now " + mentee.account().displayName()
                                        + "'s mentor; they are told by email."));
        TenantScope.run(
                tenant.id(),
                () -> assertThat(matchRows.findByMenteeEnrollmentIdAndStatus(mentee.enrollmentId(), MatchStatus.ACTIVE))
                        .hasSize(1));
    }

    @Test
    void theBoardShowsUnmatchedMenteesDraftsAndIsForCoordinatorsOnly() throws Exception {
        var tenant = tenants.activeTenant("pages-board");
        var site = "http://" + tenants.hostOf(tenant);
        var coordinator = people.member(tenant, OrgRole.COORDINATOR);
        var program = fixtures.program(tenant, MatchingMode.BOTH, Importance.VERY, 5);
        var mentor = fixtures.mentor(program, 2, "Java");
        var mentee = fixtures.mentee(program, "Java");
        var board = site + "/admin/programs/" + program.id() + "/matching";

        mvc.perform(get(board).with(session(tenant, mentee.account()))).andExpect(status().isForbidden());
        mvc.perform(get(board).with(session(tenant, coordinator)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Mentees without a mentor (1)"),
                                containsString(mentee.account().displayName()),
                                containsString("Languages: Both chose Java — counted Very important (5)"),
                                containsString("Run auto-match"),
                                containsString("<label for=\"manual-mentor\""))));
        mvc.perform(post(board + "/runs").with(session(tenant, coordinator)).with(csrf()))
                .andExpect(redirectedUrl("/admin/programs/" + program.id() + "/matching"));
        mvc.perform(get(board).with(session(tenant, coordinator)))
                .andExpect(content().string(allOf(containsString("Drafts (1)"), containsString("Publish 1 matches"))));
        mvc.perform(post(board + "/drafts/publish")
                        .with(session(tenant, coordinator))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "1 matches published; each pair is told by email."));
        mvc.perform(get(board).with(session(tenant, coordinator)))
                .andExpect(content()
                        .string(allOf(
                                containsString("Current matches (1)"),
                                containsString("Every available mentee has a mentor."))));
        // Both people see the match on their requests page, and through the API.
        mvc.perform(get(site + "/requests").with(session(tenant, mentee.account())))
                .andExpect(content()
                        .string(allOf(
                                containsString("Your mentor in Pilot "),
                                containsString(": " + mentor.account().displayName()),
                                containsString("mailto:" + mentor.account().email()))));
        mvc.perform(get(site + "/requests").with(session(tenant, mentor.account())))
                .andExpect(content()
                        .string(allOf(
                                containsString("Your mentee in Pilot "),
                                containsString(": " + mentee.account().displayName()))));
        mvc.perform(get("/api/v1/me/matches").with(people.api(tenant, people.accessToken(tenant, mentee.account()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].myRole").value("MENTEE"))
                .andExpect(jsonPath("$[0].otherName").value(mentor.account().displayName()))
                .andExpect(jsonPath("$[0].reasons").value(containsString("counted Very important (5)")));
        mvc.perform(get(site + "/admin/programs/" + java.util.UUID.randomUUID() + "/matching")
                        .with(session(tenant, coordinator)))
                .andExpect(status().isNotFound());
    }

    @Test
    void idsOfAnotherTenantGive404AndChangeNothing() throws Exception {
        var tenantA = tenants.activeTenant("iso-a");
        var tenantB = tenants.activeTenant("iso-b");
        var siteB = "http://" + tenants.hostOf(tenantB);
        var coordinatorA = people.member(tenantA, OrgRole.COORDINATOR);
        var coordinatorB = people.member(tenantB, OrgRole.COORDINATOR);
        var programA = fixtures.program(tenantA, MatchingMode.BOTH, Importance.VERY, 5);
        var mentorA = fixtures.mentor(programA, 2, "Java");
        var menteeA = fixtures.mentee(programA, "Java");
        var otherMenteeA = fixtures.mentee(programA, "Java");
        var programB = fixtures.program(tenantB, MatchingMode.BOTH, Importance.VERY, 5);
        var requestA =
                as(tenantA, menteeA.account(), () -> requests.send(new SendRequest(mentorA.enrollmentId(), null, "")));
        var run = as(tenantA, coordinatorA, OrgRole.COORDINATOR, () -> autoMatching.run(programA.id()));
        var draftA = TenantScope.get(
                        tenantA.id(),
                        () -> matchRows.findByProgramIdAndStatusOrderByCreatedAtAsc(programA.id(), MatchStatus.DRAFT))
                .get(0);
        var tokenB = "Bearer " + people.accessToken(tenantB, coordinatorB);
        var api = siteB + "/api/v1";

        mvc.perform(get(api + "/programs/" + programA.id() + "/matches").header("Authorization", tokenB))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("This organization has no program " + programA.id() + "."));
        mvc.perform(post(api + "/programs/" + programA.id() + "/match-runs").header("Authorization", tokenB))
                .andExpect(status().isNotFound());
        mvc.perform(post(api + "/programs/" + programA.id() + "/drafts/publish").header("Authorization", tokenB))
                .andExpect(status().isNotFound());
        mvc.perform(post(api + "/requests/" + requestA.request().id() + "/accept")
                        .header("Authorization", tokenB))
                .andExpect(status().isNotFound());
        mvc.perform(get(api + "/requests/" + requestA.request().id()).header("Authorization", tokenB))
                .andExpect(status().isNotFound());
        mvc.perform(post(api + "/requests")
                        .header("Authorization", tokenB)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mentorEnrollmentId\":\"" + mentorA.enrollmentId() + "\",\"message\":\"hi\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(put(api + "/drafts/" + draftA.id())
                        .header("Authorization", tokenB)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mentorEnrollmentId\":\"" + mentorA.enrollmentId() + "\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(delete(api + "/drafts/" + draftA.id()).header("Authorization", tokenB))
                .andExpect(status().isNotFound());
        mvc.perform(post(api + "/programs/" + programB.id() + "/matches")
                        .header("Authorization", tokenB)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mentorEnrollmentId\":\"" + mentorA.enrollmentId() + "\",\"menteeEnrollmentId\":\""
                                + otherMenteeA.enrollmentId() + "\"}"))
                .andExpect(status().isNotFound())
                .andExpect(
                        jsonPath("$.detail").value("This program has no enrollment " + mentorA.enrollmentId() + "."));

        // On tenant A the same ids work, and nothing was changed by tenant B.
        TenantScope.run(tenantA.id(), () -> {
            assertThat(requestRows
                            .findById(requestA.request().id())
                            .orElseThrow()
                            .status())
                    .isEqualTo(RequestStatus.PENDING);
            assertThat(matchRows.findById(draftA.id()).orElseThrow().status()).isEqualTo(MatchStatus.DRAFT);
            assertThat(matchRows.findByMentorEnrollmentIdAndStatus(mentorA.enrollmentId(), MatchStatus.ACTIVE))
                    .isEmpty();
        });
        var active = as(tenantA, coordinatorA, OrgRole.COORDINATOR, () -> autoMatching.publish(programA.id()));
        assertThat(active.published()).hasSize(run.matchedCount());
        var matchA = active.published().get(0).match();
        mvc.perform(post(api + "/matches/" + matchA.id() + "/end").header("Authorization", tokenB))
                .andExpect(status().isNotFound());
        TenantScope.run(
                tenantA.id(),
                () -> assertThat(matchRows.findById(matchA.id()).orElseThrow().status())
                        .isEqualTo(MatchStatus.ACTIVE));

        var tokenA = "Bearer " + people.accessToken(tenantA, coordinatorA);
        mvc.perform(get("http://" + tenants.hostOf(tenantA) + "/api/v1/programs/" + programA.id() + "/matches")
                        .param("status", "ACTIVE")
                        .header("Authorization", tokenA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].score").value(100.0))
                .andExpect(jsonPath("$[0].reasons").value("Languages: Both chose Java — counted Very important (5)"));
        // "My matches" are the organization's own: the mentor sees theirs on A, nobody on B sees them.
        mvc.perform(get("/api/v1/me/matches").with(people.api(tenantA, people.accessToken(tenantA, mentorA.account()))))
                .andExpect(jsonPath("$[*].matchId", hasItem(matchA.id().toString())));
        mvc.perform(get(api + "/me/matches").header("Authorization", tokenB))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isEmpty());
    }
}

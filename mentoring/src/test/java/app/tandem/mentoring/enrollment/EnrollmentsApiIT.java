package app.tandem.mentoring.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.core.tenant.Tenant;
import app.tandem.core.test.TenantFixtures;
import app.tandem.identity.OrgRole;
import app.tandem.identity.test.MemberFixtures;
import app.tandem.identity.test.MemberFixtures.Account;
import app.tandem.mentoring.MentoringIntegrationTest;
import app.tandem.mentoring.enrollment.ProgramFixtures.TestProgram;
import app.tandem.mentoring.matching.Role;
import app.tandem.mentoring.program.ProgramKind;
import app.tandem.mentoring.program.ProgramStatus;
import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Enrollment through the API with real tokens: the whole life of an enrollment, its refusals, and tenant isolation. */
@MentoringIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrollmentsApiIT {

    static final String PROBLEMS = "https://tandem.app/problems/";

    @Autowired
    MockMvc mvc;

    @Autowired
    TenantFixtures tenants;

    @Autowired
    MemberFixtures people;

    @Autowired
    ProgramFixtures programs;

    @Autowired
    WithdrawalsHeard withdrawals;

    Tenant tenant;
    Tenant other;
    Account coordinator;
    Account otherCoordinator;
    String coordinatorToken;
    String otherCoordinatorToken;

    @BeforeAll
    void organizations() {
        tenant = tenants.activeTenant("enroll");
        other = tenants.activeTenant("enroll-other");
        coordinator = people.member(tenant, OrgRole.COORDINATOR);
        otherCoordinator = people.member(other, OrgRole.COORDINATOR);
        coordinatorToken = people.accessToken(tenant, coordinator);
        otherCoordinatorToken = people.accessToken(other, otherCoordinator);
    }

    @Test
    void aMenteeEnrollsChangesAnswersPausesResumesAndWithdrawsAndTheWithdrawalIsPublished() throws Exception {
        var program = programs.program(tenant, ProgramStatus.ENROLLING);
        var mentee = token(people.member(tenant, OrgRole.MEMBER));

        var id = id(call(mentee, post("/api/v1/programs/" + program.id() + "/enrollments"), """
                        {"role": "MENTEE", "answers": {
                          "%s": {"options": ["Junior"]},
                          "%s": {"options": ["Go", "Java"]},
                          "%s": {"options": ["Tech", "Career"]},
                          "%s": {"number": 3},
                          "%s": {"text": "Evenings"}}}
                        """.formatted(
                                program.menteeLevel(),
                                program.menteeTopics(),
                                program.menteeRanked(),
                                program.menteeYears(),
                                program.menteeNote()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.role").value("MENTEE"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.capacity").isEmpty()));

        call(mentee, get("/api/v1/enrollments/" + id), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answers['" + program.menteeTopics() + "'].options[0]")
                        .value("Go"))
                .andExpect(jsonPath("$.answers['" + program.menteeRanked() + "'].options[1]")
                        .value("Career"))
                .andExpect(jsonPath("$.answers['" + program.menteeYears() + "'].number")
                        .value(3.0))
                .andExpect(jsonPath("$.answers['" + program.menteeNote() + "'].text")
                        .value("Evenings"));

        call(mentee, put("/api/v1/enrollments/" + id), """
                        {"answers": {"%s": {"options": ["Senior"]}, "%s": {"options": ["Rust"]}}}
                        """.formatted(program.menteeLevel(), program.menteeTopics()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answers['" + program.menteeLevel() + "'].options[0]")
                        .value("Senior"))
                .andExpect(jsonPath("$.answers['" + program.menteeNote() + "']").doesNotExist());

        call(mentee, post("/api/v1/enrollments/" + id + "/pause"), null)
                .andExpect(jsonPath("$.status").value("PAUSED"));
        call(mentee, post("/api/v1/enrollments/" + id + "/pause"), null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("This enrollment is paused; only an active one can be paused."));
        call(mentee, post("/api/v1/enrollments/" + id + "/resume"), null)
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        assertThat(withdrawals.of(id)).isEmpty();

        call(mentee, post("/api/v1/enrollments/" + id + "/withdraw"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WITHDRAWN"))
                .andExpect(jsonPath("$.withdrawnAt").isNotEmpty());
        assertThat(withdrawals.of(id)).singleElement().satisfies(heard -> {
            assertThat(heard.inTransaction()).isTrue();
            assertThat(heard.event().programId()).isEqualTo(program.id());
            assertThat(heard.event().role()).isEqualTo(Role.MENTEE);
        });
        call(mentee, post("/api/v1/enrollments/" + id + "/withdraw"), null).andExpect(status().isConflict());
        call(mentee, get("/api/v1/me/enrollments"), null)
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].status").value("WITHDRAWN"));
    }

    @Test
    void aMentorsCapacityDefaultsFromTheProgramAndChangesWithinItsLimits() throws Exception {
        var program = programs.program(tenant, ProgramStatus.RUNNING, ProgramKind.GROUP, 3);
        var mentor = token(people.member(tenant, OrgRole.MEMBER));

        var id = id(call(mentor, post("/api/v1/programs/" + program.id() + "/enrollments"), """
                        {"role": "MENTOR", "answers": {"%s": {"options": ["Senior"]}}}
                        """.formatted(
                                program.mentorLevel()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.capacity").value(2)));

        call(mentor, put("/api/v1/enrollments/" + id), "{\"capacity\": 3}")
                .andExpect(jsonPath("$.capacity").value(3));
        call(mentor, put("/api/v1/enrollments/" + id), "{\"capacity\": 4}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.capacity")
                        .value("A group in " + program.name() + " has at most 3 mentees; take at most 3."));
        call(mentor, get("/api/v1/enrollments/" + id), null)
                .andExpect(jsonPath("$.capacity").value(3));
    }

    @Test
    void enrollingInADraftOrClosedProgramOrTwiceInOneRoleIsRefused() throws Exception {
        var member = token(people.member(tenant, OrgRole.MEMBER));
        var draft = programs.program(tenant, ProgramStatus.DRAFT);
        var closed = programs.program(tenant, ProgramStatus.CLOSED);
        var open = programs.program(tenant, ProgramStatus.ENROLLING);
        var asMentor = "{\"role\": \"MENTOR\", \"answers\": {\"%s\": {\"options\": [\"Senior\"]}}}";

        call(member, post("/api/v1/programs/" + draft.id() + "/enrollments"), asMentor.formatted(draft.mentorLevel()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "program-not-open"));
        call(member, post("/api/v1/programs/" + closed.id() + "/enrollments"), asMentor.formatted(closed.mentorLevel()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "program-not-open"));

        call(member, post("/api/v1/programs/" + open.id() + "/enrollments"), asMentor.formatted(open.mentorLevel()))
                .andExpect(status().isCreated());
        call(member, post("/api/v1/programs/" + open.id() + "/enrollments"), asMentor.formatted(open.mentorLevel()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "already-enrolled"));
        // The other role is another enrollment.
        call(member, post("/api/v1/programs/" + open.id() + "/enrollments"), """
                        {"role": "MENTEE", "answers": {"%s": {"options": ["Junior"]}, "%s": {"options": ["Go"]}}}
                        """.formatted(
                                open.menteeLevel(), open.menteeTopics()))
                .andExpect(status().isCreated());
        call(member, get("/api/v1/me/enrollments"), null).andExpect(jsonPath("$", hasSize(2)));
    }

    @Test
    void inAClosedProgramEnrollmentsCanBeReadButNotChanged() throws Exception {
        var program = programs.program(tenant, ProgramStatus.ENROLLING);
        var member = token(people.member(tenant, OrgRole.MEMBER));
        var id = enrollAsMentor(member, program);
        programs.move(tenant, program.id(), ProgramStatus.CLOSED);

        call(member, get("/api/v1/enrollments/" + id), null).andExpect(status().isOk());
        for (var action : new String[] {"pause", "resume", "withdraw"}) {
            call(member, post("/api/v1/enrollments/" + id + "/" + action), null)
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "program-closed"));
        }
        call(member, put("/api/v1/enrollments/" + id), "{\"capacity\": 1}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "program-closed"));
    }

    @Test
    void badAnswersGiveSpecificProblemsAndStoreNothing() throws Exception {
        var program = programs.program(tenant, ProgramStatus.ENROLLING);
        var member = token(people.member(tenant, OrgRole.MEMBER));
        var unknown = UUID.randomUUID();
        var url = "/api/v1/programs/" + program.id() + "/enrollments";

        call(member, post(url), "{\"role\": \"MENTEE\", \"answers\": {}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-enrollment"))
                .andExpect(jsonPath("$.detail").value("'Level' needs an answer. 'Topics' needs an answer."))
                .andExpect(jsonPath("$.errors['" + program.menteeLevel() + "']").value("'Level' needs an answer."));
        call(member, post(url), """
                        {"role": "MENTEE", "answers": {
                          "%s": {"options": ["Expert"]},
                          "%s": {"options": ["Go", "Go"]},
                          "%s": {"options": ["Senior"]},
                          "%s": {"text": "hi"},
                          "%s": {"options": ["3"]}}}
                        """.formatted(
                                program.menteeLevel(),
                                program.menteeTopics(),
                                program.mentorLevel(),
                                unknown,
                                program.menteeYears()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['" + program.menteeLevel() + "']")
                        .value("'Expert' is not an option of 'Level'; choose from Junior, Senior."))
                .andExpect(jsonPath("$.errors['" + program.menteeTopics() + "']")
                        .value("'Topics' has 'Go' more than once; choose each option once."))
                .andExpect(jsonPath("$.errors['" + program.mentorLevel() + "']")
                        .value("'Seniority' is answered by mentors, not by mentees."))
                .andExpect(
                        jsonPath("$.errors['" + unknown + "']").value("This program has no question " + unknown + "."))
                .andExpect(jsonPath("$.errors['" + program.menteeYears() + "']").value("'Years' takes a number."));
        call(member, post(url), """
                        {"role": "MENTOR", "capacity": 0, "answers": {"%s": {"options": ["Senior"]}}}
                        """.formatted(program.mentorLevel()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.capacity").value("A mentor takes 1 to 100 mentees; 0 is not possible."));
        call(member, post(url), "{\"answers\": {}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.role").value("Choose whether you enroll as a mentor or as a mentee."));

        call(member, get("/api/v1/me/enrollments"), null).andExpect(jsonPath("$", hasSize(0)));
        call(coordinatorToken, get("/api/v1/programs/" + program.id() + "/enrollments"), null)
                .andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void aMemberCannotTouchAnotherMembersEnrollmentWhileACoordinatorMayPauseButNotAnswer() throws Exception {
        var program = programs.program(tenant, ProgramStatus.ENROLLING);
        var owner = token(people.member(tenant, OrgRole.MEMBER));
        var stranger = token(people.member(tenant, OrgRole.MEMBER));
        var id = enrollAsMentor(owner, program);

        call(stranger, get("/api/v1/enrollments/" + id), null)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "enrollment-not-found"));
        call(stranger, put("/api/v1/enrollments/" + id), "{\"capacity\": 1}").andExpect(status().isNotFound());
        for (var action : new String[] {"pause", "resume", "withdraw"}) {
            call(stranger, post("/api/v1/enrollments/" + id + "/" + action), null)
                    .andExpect(status().isNotFound());
        }
        call(stranger, get("/api/v1/programs/" + program.id() + "/enrollments"), null)
                .andExpect(status().isForbidden());

        call(coordinatorToken, get("/api/v1/enrollments/" + id), null).andExpect(status().isOk());
        call(coordinatorToken, put("/api/v1/enrollments/" + id), "{\"capacity\": 1}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "not-your-enrollment"));
        call(coordinatorToken, post("/api/v1/enrollments/" + id + "/pause"), null)
                .andExpect(jsonPath("$.status").value("PAUSED"));
        call(owner, get("/api/v1/enrollments/" + id), null)
                .andExpect(jsonPath("$.status").value("PAUSED"))
                .andExpect(jsonPath("$.capacity").value(2));
    }

    @Test
    void coordinatorsListAProgramsParticipantsByRoleAndStatus() throws Exception {
        var program = programs.program(tenant, ProgramStatus.ENROLLING);
        var mentorAccount = people.member(tenant, OrgRole.MEMBER);
        var mentor = token(mentorAccount);
        var mentee = token(people.member(tenant, OrgRole.MEMBER));
        enrollAsMentor(mentor, program);
        var menteeId = id(call(mentee, post("/api/v1/programs/" + program.id() + "/enrollments"), """
                        {"role": "MENTEE", "answers": {"%s": {"options": ["Junior"]}, "%s": {"options": ["Go"]}}}
                        """.formatted(
                        program.menteeLevel(), program.menteeTopics())));
        call(mentee, post("/api/v1/enrollments/" + menteeId + "/pause"), null).andExpect(status().isOk());

        var url = "/api/v1/programs/" + program.id() + "/enrollments";
        call(coordinatorToken, get(url), null).andExpect(jsonPath("$", hasSize(2)));
        call(coordinatorToken, get(url + "?role=MENTOR"), null)
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].displayName").value(mentorAccount.displayName()))
                .andExpect(jsonPath("$[0].email").value(mentorAccount.email()))
                .andExpect(jsonPath("$[0].enrollment.capacity").value(2));
        call(coordinatorToken, get(url + "?status=PAUSED"), null)
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].enrollment.id").value(menteeId.toString()));
        call(coordinatorToken, get(url + "?role=MENTOR&status=PAUSED"), null).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void idsOfOneTenantDoNothingOnAnother() throws Exception {
        var program = programs.program(tenant, ProgramStatus.ENROLLING);
        var owner = token(people.member(tenant, OrgRole.MEMBER));
        var id = enrollAsMentor(owner, program);
        var outsider = people.accessToken(other, people.member(other, OrgRole.MEMBER));

        onOther(otherCoordinatorToken, get("/api/v1/programs/" + program.id() + "/enrollments"), null)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "program-not-found"));
        onOther(outsider, post("/api/v1/programs/" + program.id() + "/enrollments"), """
                        {"role": "MENTOR", "answers": {"%s": {"options": ["Senior"]}}}
                        """.formatted(
                                program.mentorLevel()))
                .andExpect(status().isNotFound());
        onOther(otherCoordinatorToken, get("/api/v1/enrollments/" + id), null).andExpect(status().isNotFound());
        onOther(otherCoordinatorToken, post("/api/v1/enrollments/" + id + "/withdraw"), null)
                .andExpect(status().isNotFound());
        onOther(otherCoordinatorToken, put("/api/v1/enrollments/" + id), "{\"capacity\": 1}")
                .andExpect(status().isNotFound());

        call(owner, get("/api/v1/enrollments/" + id), null)
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.capacity").value(2));
        assertThat(withdrawals.of(id)).isEmpty();
    }

    private UUID enrollAsMentor(String token, TestProgram program) throws Exception {
        return id(call(token, post("/api/v1/programs/" + program.id() + "/enrollments"), """
                        {"role": "MENTOR", "answers": {"%s": {"options": ["Senior"]}}}
                        """.formatted(
                                program.mentorLevel()))
                .andExpect(status().isCreated()));
    }

    private String token(Account account) {
        return people.accessToken(tenant, account);
    }

    private ResultActions call(String token, MockHttpServletRequestBuilder request, String json) throws Exception {
        return send(tenant, token, request, json);
    }

    private ResultActions onOther(String token, MockHttpServletRequestBuilder request, String json) throws Exception {
        return send(other, token, request, json);
    }

    private ResultActions send(Tenant on, String token, MockHttpServletRequestBuilder request, String json)
            throws Exception {
        request.with(people.api(on, token));
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request);
    }

    private static UUID id(ResultActions result) throws Exception {
        return UUID.fromString(JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id"));
    }
}

package app.tandem.mentoring.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.core.audit.AuditEvent;
import app.tandem.core.audit.AuditTrail;
import app.tandem.core.context.TenantScope;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.test.TenantFixtures;
import app.tandem.identity.OrgRole;
import app.tandem.identity.test.MemberFixtures;
import app.tandem.identity.test.MemberFixtures.Account;
import app.tandem.mentoring.MentoringIntegrationTest;
import app.tandem.mentoring.enrollment.Enrollment;
import app.tandem.mentoring.enrollment.EnrollmentRepository;
import app.tandem.mentoring.matching.Importance;
import app.tandem.mentoring.matching.QuestionPair;
import app.tandem.mentoring.matching.Role;
import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/** The programs API with real tokens: the life of a program, its guards, duplication, roles and tenant isolation. */
@MentoringIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgramApiIT {

    private static final String PROBLEMS = "https://tandem.app/problems/";

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

    @Autowired
    EnrollmentRepository enrollments;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AuditTrail audit;

    Tenant alpha;
    Tenant beta;
    Account coordinator;
    Account member;
    Account betaAdmin;

    @BeforeAll
    void twoOrganizations() {
        alpha = tenants.activeTenant("programs-api");
        beta = tenants.activeTenant("programs-api-other");
        coordinator = people.member(alpha, OrgRole.COORDINATOR);
        member = people.member(alpha, OrgRole.MEMBER);
        betaAdmin = people.member(beta, OrgRole.ORG_ADMIN);
    }

    @Test
    void aCoordinatorTakesAProgramFromDraftThroughEnrollingAndRunningToClosed() throws Exception {
        var token = people.accessToken(alpha, coordinator);
        var program = create(token, "Spring cohort");
        send(post(url("/api/v1/programs/" + program + "/status")), token, "{\"status\": \"ENROLLING\"}")
                .andExpect(status().isOk());
        // Back to draft is fine while nobody is enrolled; questions are added in either status.
        send(post(url("/api/v1/programs/" + program + "/status")), token, "{\"status\": \"DRAFT\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"));

        var mentorTopics = addQuestion(token, program, "MENTOR", "MULTI_CHOICE", "Topics I can help with", null, null);
        var menteeTopics =
                addQuestion(token, program, "MENTEE", "MULTI_CHOICE", "Topics I need help with", "VERY", null);
        var mentorYears = addQuestion(token, program, "MENTOR", "NUMBER", "Years in the job", null, null);
        var menteeYears = addQuestion(token, program, "MENTEE", "NUMBER", "Years you want", "MODERATE", 10.0);
        addQuestion(token, program, "MENTEE", "TEXT", "Anything else?", null, null);

        send(
                        put(url("/api/v1/programs/" + program + "/questions/" + mentorTopics + "/pairing")),
                        token,
                        "{\"pairedQuestionId\": \"" + menteeTopics + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pairedQuestionId").value(menteeTopics))
                .andExpect(jsonPath("$.importance").value("VERY"))
                .andExpect(jsonPath("$.feedsMatching").value(true));
        send(
                        put(url("/api/v1/programs/" + program + "/questions/" + menteeYears + "/pairing")),
                        token,
                        "{\"pairedQuestionId\": \"" + mentorYears + "\"}")
                .andExpect(status().isOk());
        // Changing the mentee side's importance keeps the mentor side in step.
        send(
                        put(url("/api/v1/programs/" + program + "/questions/" + menteeTopics)),
                        token,
                        questionJson("MENTEE", "MULTI_CHOICE", "Topics I need help with", "MUST", null))
                .andExpect(status().isOk());
        mvc.perform(bearer(get(url("/api/v1/programs/" + program + "/questions")), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(5))
                .andExpect(jsonPath("$[0].label").value("Topics I can help with"))
                .andExpect(jsonPath("$[0].importance").value("MUST"))
                .andExpect(jsonPath("$[2].importance").value("MODERATE"))
                .andExpect(jsonPath("$[2].numberRange").value(10.0))
                .andExpect(jsonPath("$[2].pairedQuestionId").value(menteeYears))
                .andExpect(jsonPath("$[4].feedsMatching").value(false));

        // What the matching engine will read from the stored program.
        List<QuestionPair> pairs = TenantScope.get(
                alpha.id(),
                () -> MatchingQuestions.of(questions.findByProgramIdOrderByPositionAsc(UUID.fromString(program))));
        assertThat(pairs)
                .extracting(
                        pair -> pair.mentorQuestion().id(),
                        pair -> pair.menteeQuestion().id(),
                        QuestionPair::importance,
                        QuestionPair::numberRange)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(mentorTopics, menteeTopics, Importance.MUST, 0.0),
                        org.assertj.core.groups.Tuple.tuple(mentorYears, menteeYears, Importance.MODERATE, 10.0));

        for (var next : List.of("ENROLLING", "RUNNING")) {
            send(post(url("/api/v1/programs/" + program + "/status")), token, "{\"status\": \"" + next + "\"}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value(next));
        }
        send(
                        post(url("/api/v1/programs/" + program + "/questions")),
                        token,
                        questionJson("MENTOR", "TEXT", "Late question", null, null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("questions no longer change")));
        send(post(url("/api/v1/programs/" + program + "/status")), token, "{\"status\": \"CLOSED\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.allowedNextStatuses.length()").value(0));
        send(post(url("/api/v1/programs/" + program + "/status")), token, "{\"status\": \"ENROLLING\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "program-closed"))
                .andExpect(jsonPath("$.detail")
                        .value("Spring cohort is closed: a closed program is closed for good."
                                + " Duplicate it to run it again."));
        var trail = TenantScope.get(
                alpha.id(), () -> audit.recent("program.", 0, 200).getContent());
        assertThat(trail)
                .filteredOn(event -> event.subject().equals("Spring cohort"))
                .extracting(AuditEvent::action, AuditEvent::details)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("program.status-changed", "RUNNING → CLOSED"),
                        org.assertj.core.groups.Tuple.tuple("program.status-changed", "DRAFT → ENROLLING"));
        assertThat(trail)
                .filteredOn(event -> event.subject().equals("Spring cohort"))
                .extracting(AuditEvent::action)
                .contains(
                        "program.created",
                        "program.question-added",
                        "program.question-paired",
                        "program.question-changed");
    }

    @Test
    void refusedTransitionsSayWhatToFixAndChangeNothing() throws Exception {
        var token = people.accessToken(alpha, coordinator);
        var program = create(token, "Guarded");
        send(post(url("/api/v1/programs/" + program + "/status")), token, "{\"status\": \"RUNNING\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Guarded is draft: open it for enrollment first."));

        var lonely = addQuestion(token, program, "MENTEE", "SINGLE_CHOICE", "Language", "VERY", null);
        send(post(url("/api/v1/programs/" + program + "/status")), token, "{\"status\": \"ENROLLING\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "program-not-ready"))
                .andExpect(jsonPath("$.detail")
                        .value("Guarded cannot open for enrollment yet: 'Language' has an importance but is not paired"
                                + " with a mentor question: pair it or take its importance away."));
        assertThat(statusOf(program)).isEqualTo(ProgramStatus.DRAFT);

        send(
                        put(url("/api/v1/programs/" + program + "/questions/" + lonely)),
                        token,
                        questionJson("MENTEE", "SINGLE_CHOICE", "Language", null, null))
                .andExpect(status().isOk());
        send(post(url("/api/v1/programs/" + program + "/status")), token, "{\"status\": \"ENROLLING\"}")
                .andExpect(status().isOk());
        TenantScope.run(
                alpha.id(),
                () -> transactions.executeWithoutResult(status -> enrollments.save(new Enrollment(
                        UUID.fromString(program), member.memberId(), Role.MENTEE, null, Map.of(), Instant.now()))));

        send(post(url("/api/v1/programs/" + program + "/status")), token, "{\"status\": \"DRAFT\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail")
                        .value("Guarded is enrolling: 1 person is enrolled, so it cannot go back to draft. Close it"
                                + " instead, or keep it open."));
        mvc.perform(bearer(get(url("/api/v1/programs/" + program)), token))
                .andExpect(jsonPath("$.status").value("ENROLLING"))
                .andExpect(jsonPath("$.mentees").value(1))
                .andExpect(jsonPath("$.mentors").value(0));
        // Role and kind stay once people may have answered.
        send(
                        put(url("/api/v1/programs/" + program + "/questions/" + lonely)),
                        token,
                        questionJson("MENTOR", "SINGLE_CHOICE", "Language", null, null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("its role and kind stay as they are")));
    }

    @Test
    void badSettingsAndQuestionsAreRefusedWithTheirReasonAndChangeNothing() throws Exception {
        var token = people.accessToken(alpha, coordinator);
        var program = create(token, "Settled");

        send(
                        put(url("/api/v1/programs/" + program)),
                        token,
                        "{\"name\": \"Settled\", \"kind\": \"ONE_TO_ONE\", \"maxGroupSize\": 5,"
                                + " \"matchingMode\": \"BOTH\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail")
                        .value("Only group programs have a maximum group size; leave it empty for a one-to-one"
                                + " program."));
        send(
                        put(url("/api/v1/programs/" + program)),
                        token,
                        "{\"name\": \"Groups\", \"kind\": \"GROUP\", \"maxGroupSize\": 4, \"defaultMentorCapacity\": 5,"
                                + " \"matchingMode\": \"ADMIN\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("cannot be larger than the maximum group size")));
        send(
                        post(url("/api/v1/programs/" + program + "/questions")),
                        token,
                        questionJson("MENTEE", "TEXT", "Notes", "VERY", null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-question"));
        var a = addQuestion(token, program, "MENTEE", "SINGLE_CHOICE", "Language", null, null);
        var b = addQuestion(token, program, "MENTOR", "MULTI_CHOICE", "Languages", null, null);
        send(
                        put(url("/api/v1/programs/" + program + "/questions/" + a + "/pairing")),
                        token,
                        "{\"pairedQuestionId\": \"" + b + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail")
                        .value("'Language' is single choice and 'Languages' is multi choice: paired questions are of"
                                + " the same kind."));

        mvc.perform(bearer(get(url("/api/v1/programs/" + program)), token))
                .andExpect(jsonPath("$.name").value("Settled"))
                .andExpect(jsonPath("$.kind").value("ONE_TO_ONE"))
                .andExpect(jsonPath("$.pendingRequestCap").value(5))
                .andExpect(jsonPath("$.requestExpiryDays").value(14));
        mvc.perform(bearer(get(url("/api/v1/programs/" + program + "/questions")), token))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].pairedQuestionId").doesNotExist());
    }

    @Test
    void aDuplicateIsANewDraftWithCopiesOfTheQuestionsPairedWithEachOther() throws Exception {
        var token = people.accessToken(alpha, coordinator);
        var program = create(token, "Original");
        var mentor = addQuestion(token, program, "MENTOR", "RANKED_CHOICE", "Strengths", null, null);
        var mentee = addQuestion(token, program, "MENTEE", "RANKED_CHOICE", "Needs", "SOMEWHAT", null);
        addQuestion(token, program, "MENTOR", "TEXT", "Bio", null, null);
        send(
                        put(url("/api/v1/programs/" + program + "/questions/" + mentee + "/pairing")),
                        token,
                        "{\"pairedQuestionId\": \"" + mentor + "\"}")
                .andExpect(status().isOk());
        send(post(url("/api/v1/programs/" + program + "/status")), token, "{\"status\": \"ENROLLING\"}")
                .andExpect(status().isOk());

        var copy = JsonPath.<String>read(
                send(post(url("/api/v1/programs/" + program + "/duplicate")), token, "")
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.name").value("Original (copy)"))
                        .andExpect(jsonPath("$.status").value("DRAFT"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");

        var json = mvc.perform(bearer(get(url("/api/v1/programs/" + copy + "/questions")), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[*].id", not(hasItem(mentor))))
                .andExpect(jsonPath("$[*].label").value(org.hamcrest.Matchers.contains("Strengths", "Needs", "Bio")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String copiedMentor = JsonPath.read(json, "$[0].id");
        String copiedMentee = JsonPath.read(json, "$[1].id");
        assertThat(JsonPath.<String>read(json, "$[0].pairedQuestionId")).isEqualTo(copiedMentee);
        assertThat(JsonPath.<String>read(json, "$[1].pairedQuestionId")).isEqualTo(copiedMentor);
        assertThat(JsonPath.<String>read(json, "$[0].importance")).isEqualTo("SOMEWHAT");
        // The original keeps its own questions.
        mvc.perform(bearer(get(url("/api/v1/programs/" + program + "/questions")), token))
                .andExpect(jsonPath("$[0].id").value(mentor))
                .andExpect(jsonPath("$[0].pairedQuestionId").value(mentee));
    }

    @Test
    void aMemberReadsOpenProgramsButChangesNothingAndNeverSeesADraft() throws Exception {
        var coordinatorToken = people.accessToken(alpha, coordinator);
        var draft = create(coordinatorToken, "Hidden draft");
        var open = create(coordinatorToken, "Open to all");
        addQuestion(coordinatorToken, open, "MENTEE", "NUMBER", "Hours a month", null, null);
        send(post(url("/api/v1/programs/" + open + "/status")), coordinatorToken, "{\"status\": \"ENROLLING\"}")
                .andExpect(status().isOk());
        var token = people.accessToken(alpha, member);

        mvc.perform(bearer(get(url("/api/v1/programs")), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem(open)))
                .andExpect(jsonPath("$[*].id", not(hasItem(draft))));
        mvc.perform(bearer(get(url("/api/v1/programs/" + draft)), token)).andExpect(status().isNotFound());
        mvc.perform(bearer(get(url("/api/v1/programs/" + draft + "/questions")), token))
                .andExpect(status().isNotFound());
        mvc.perform(bearer(get(url("/api/v1/programs/" + open + "/questions")), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].label").value("Hours a month"));

        send(post(url("/api/v1/programs")), token, programJson("Mine")).andExpect(status().isForbidden());
        send(put(url("/api/v1/programs/" + open)), token, programJson("Renamed"))
                .andExpect(status().isForbidden());
        send(post(url("/api/v1/programs/" + open + "/status")), token, "{\"status\": \"CLOSED\"}")
                .andExpect(status().isForbidden());
        send(post(url("/api/v1/programs/" + open + "/duplicate")), token, "").andExpect(status().isForbidden());
        send(
                        post(url("/api/v1/programs/" + open + "/questions")),
                        token,
                        questionJson("MENTEE", "TEXT", "Sneaky", null, null))
                .andExpect(status().isForbidden());
        mvc.perform(bearer(get(url("/api/v1/programs/" + open)), coordinatorToken))
                .andExpect(jsonPath("$.name").value("Open to all"))
                .andExpect(jsonPath("$.status").value("ENROLLING"));
    }

    @Test
    void idsOfAnotherOrganizationAreUnknownHereAndChangeNothing() throws Exception {
        var alphaToken = people.accessToken(alpha, coordinator);
        var program = create(alphaToken, "Alpha only");
        var question = addQuestion(alphaToken, program, "MENTOR", "SINGLE_CHOICE", "Track", null, null);
        var other = addQuestion(alphaToken, program, "MENTEE", "SINGLE_CHOICE", "Track wanted", null, null);
        var token = people.accessToken(beta, betaAdmin);
        var base = "http://" + tenants.hostOf(beta) + "/api/v1/programs/" + program;

        mvc.perform(bearer(get(base), token)).andExpect(status().isNotFound());
        send(put(base), token, programJson("Taken over")).andExpect(status().isNotFound());
        send(post(base + "/status"), token, "{\"status\": \"CLOSED\"}").andExpect(status().isNotFound());
        send(post(base + "/duplicate"), token, "").andExpect(status().isNotFound());
        mvc.perform(bearer(get(base + "/questions"), token)).andExpect(status().isNotFound());
        send(post(base + "/questions"), token, questionJson("MENTOR", "TEXT", "Injected", null, null))
                .andExpect(status().isNotFound());
        send(put(base + "/questions/" + question), token, questionJson("MENTOR", "TEXT", "Changed", null, null))
                .andExpect(status().isNotFound());
        send(put(base + "/questions/" + question + "/pairing"), token, "{\"pairedQuestionId\": \"" + other + "\"}")
                .andExpect(status().isNotFound());
        mvc.perform(bearer(delete(base + "/questions/" + question), token)).andExpect(status().isNotFound());

        mvc.perform(bearer(get(url("/api/v1/programs/" + program)), alphaToken))
                .andExpect(jsonPath("$.name").value("Alpha only"))
                .andExpect(jsonPath("$.status").value("DRAFT"));
        mvc.perform(bearer(get(url("/api/v1/programs/" + program + "/questions")), alphaToken))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].label").value("Track"))
                .andExpect(jsonPath("$[0].pairedQuestionId").doesNotExist());
    }

    @Test
    void removingAQuestionUnpairsItsPartnerAndMovingReordersTheForm() throws Exception {
        var token = people.accessToken(alpha, coordinator);
        var program = create(token, "Reordered");
        var mentor = addQuestion(token, program, "MENTOR", "SINGLE_CHOICE", "First", null, null);
        var mentee = addQuestion(token, program, "MENTEE", "SINGLE_CHOICE", "Second", "VERY", null);
        var third = addQuestion(token, program, "MENTEE", "NUMBER", "Third", null, null);
        send(
                        put(url("/api/v1/programs/" + program + "/questions/" + mentor + "/pairing")),
                        token,
                        "{\"pairedQuestionId\": \"" + mentee + "\"}")
                .andExpect(status().isOk());

        send(
                        post(url("/api/v1/programs/" + program + "/questions/" + third + "/move")),
                        token,
                        "{\"direction\": \"UP\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].label").value(org.hamcrest.Matchers.contains("First", "Third", "Second")));
        mvc.perform(bearer(delete(url("/api/v1/programs/" + program + "/questions/" + mentor)), token))
                .andExpect(status().isNoContent());

        mvc.perform(bearer(get(url("/api/v1/programs/" + program + "/questions")), token))
                .andExpect(jsonPath("$[*].label").value(org.hamcrest.Matchers.contains("Third", "Second")))
                .andExpect(jsonPath("$[0].position").value(0))
                .andExpect(jsonPath("$[1].pairedQuestionId").doesNotExist())
                .andExpect(jsonPath("$[1].importance").value("VERY"));
        mvc.perform(bearer(delete(url("/api/v1/programs/" + program + "/questions/" + mentee + "/pairing")), token))
                .andExpect(status().isOk());
    }

    private String create(String token, String name) throws Exception {
        var body = send(post(url("/api/v1/programs")), token, programJson(name))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(
                        jsonPath("$.allowedNextStatuses").value(org.hamcrest.Matchers.contains("ENROLLING", "CLOSED")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private String addQuestion(
            String token, String program, String role, String kind, String label, String importance, Double range)
            throws Exception {
        var body = send(
                        post(url("/api/v1/programs/" + program + "/questions")),
                        token,
                        questionJson(role, kind, label, importance, range))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private ProgramStatus statusOf(String program) {
        return TenantScope.get(
                alpha.id(),
                () -> programs.findById(UUID.fromString(program)).orElseThrow().status());
    }

    private static String programJson(String name) {
        return "{\"name\": \"" + name + "\", \"description\": \"For testing\", \"kind\": \"ONE_TO_ONE\","
                + " \"matchingMode\": \"BOTH\", \"defaultMentorCapacity\": 2}";
    }

    private static String questionJson(String role, String kind, String label, String importance, Double range) {
        var options = kind.endsWith("CHOICE") ? "[\"Java\", \"Go\", \"Rust\"]" : "[]";
        return "{\"role\": \"" + role + "\", \"kind\": \"" + kind + "\", \"label\": \"" + label + "\", \"options\": "
                + options + ", \"required\": true"
                + (importance == null ? "" : ", \"importance\": \"" + importance + "\"")
                + (range == null ? "" : ", \"numberRange\": " + range) + "}";
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String token, String json) throws Exception {
        return mvc.perform(
                bearer(request, token).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private String url(String path) {
        return "http://" + tenants.hostOf(alpha) + path;
    }

    private static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }
}

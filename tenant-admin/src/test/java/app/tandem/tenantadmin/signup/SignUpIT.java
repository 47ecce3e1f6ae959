package app.tandem.tenantadmin.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.core.provisioning.JobStatus;
import app.tandem.core.provisioning.JobStep;
import app.tandem.core.provisioning.ProvisioningJob;
import app.tandem.core.provisioning.TenantProvisioning;
import app.tandem.core.routing.PublicAddresses;
import app.tandem.core.tenant.TenantKind;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.tenant.TenantSlug;
import app.tandem.core.tenant.TenantStatus;
import app.tandem.core.test.TenantFixtures;
import app.tandem.identity.IdentityDirectory;
import app.tandem.identity.test.IdentityIntegrationTest;
import app.tandem.identity.test.MemberFixtures;
import app.tandem.infra.mail.ReceivedMail;
import app.tandem.infra.mail.TestMailbox;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Sign-up end to end through its API, on real PostgreSQL and Keycloak, with the realm's mail caught on its SMTP port:
 * the organization becomes active with its first admin invited, re-submitting is idempotent, every field is checked,
 * each client is limited, and a job that dies between steps resumes while one that cannot finish is undone entirely.
 */
@IdentityIntegrationTest
@Import(NodeCrash.class)
class SignUpIT {

    private static final AtomicInteger clients = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    TenantProvisioning provisioning;

    @Autowired
    TenantRegistry registry;

    @Autowired
    TenantFixtures tenants;

    @Autowired
    IdentityDirectory directory;

    @Autowired
    MemberFixtures people;

    @Autowired
    PublicAddresses addresses;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NodeCrash crash;

    /** Keycloak sends the first admin's email to the JVM's test mailbox. */
    final TestMailbox mailbox = TestMailbox.get();

    /** Each test signs up from an address of its own, so that the per-client limit counts only its sign-ups. */
    String client;

    @BeforeEach
    void ownClientAddress() {
        client = "198.51.100." + clients.incrementAndGet();
    }

    @AfterEach
    void mailServerUp() {
        if (!mailbox.isListening()) {
            mailbox.startListening();
        }
    }

    @Test
    void aSignedUpOrganizationBecomesActiveWithItsFirstAdminInvitedByEmail() throws Exception {
        var slug = TenantFixtures.uniqueSlug("signup");
        var email = email("fiona");

        var result = signUp(request(slug, email))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/signups/")))
                .andExpect(jsonPath("$.organizationName").value("Organization " + slug))
                .andExpect(jsonPath("$.address").value(tenantAddress(slug)))
                .andReturn();
        var id = id(result);
        assertThat(result.getResponse().getContentAsString()).doesNotContain(email, "Fiona");

        var job = settled(id);

        assertThat(job.status()).as(job.lastError()).isEqualTo(JobStatus.SUCCEEDED);
        mvc.perform(get("http://localhost/api/v1/signups/" + id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("READY"))
                .andExpect(jsonPath("$.steps[*].name")
                        .value(contains(
                                "create-schema",
                                "seed-organization-settings",
                                "create-organization",
                                "test-node-crash",
                                "invite-first-admin")))
                .andExpect(jsonPath("$.steps[*].state").value(contains("DONE", "DONE", "DONE", "DONE", "DONE")));
        var tenant = registry.findBySlug(slug).orElseThrow();
        assertThat(tenant.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(tenant.kind()).isEqualTo(TenantKind.SCHOOL);
        var user = directory.findUser(email).orElseThrow();
        assertThat(directory.isMember(TenantSlug.of(slug), user)).isTrue();
        assertThat(jdbc.sql("select role || ' ' || display_name from " + tenant.schemaName()
                                + ".members where email = ?")
                        .param(email)
                        .query(String.class)
                        .single())
                .isEqualTo("ORG_ADMIN Fiona First");
        var mail = mailbox.awaitMessageTo(email);
        assertThat(mail).as("the invitation reached the realm's SMTP server").isNotNull();
        var link = actionLink(mail);
        assertThat(tokenPayload(link))
                .as("the link ends on the new organization's sign-in")
                .contains("\"reduri\":\"" + tenantAddress(slug) + "/login\"")
                .contains("UPDATE_PASSWORD", "VERIFY_EMAIL");
    }

    @Test
    void reSubmittingASignUpGivesTheSameOneBackAndAnotherAdminFindsTheAddressTaken() throws Exception {
        var slug = TenantFixtures.uniqueSlug("again");
        var email = email("gus");
        var id = id(signUp(request(slug, email)).andExpect(status().isCreated()).andReturn());

        var repeated = id(signUp(request(slug, "  " + email.toUpperCase() + " "))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(repeated).isEqualTo(id);
        assertThat(settled(id).status()).isEqualTo(JobStatus.SUCCEEDED);
        signUp(request(slug, email))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id.toString()));
        assertThat(jdbc.sql("select count(*) from platform.provisioning_jobs where slug = ?")
                        .param(slug)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        signUp(request(slug, email("other")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://tandem.app/problems/invalid-signup"))
                .andExpect(jsonPath("$.errors[*].field").value(contains("slug")))
                .andExpect(jsonPath("$.errors[0].message").value(startsWith("This address is taken: " + slug)));
        var operatorsTenant = tenants.activeTenant("taken");
        signUp(request(operatorsTenant.slug().value(), email))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("slug-taken"));
    }

    @Test
    void everyFieldIsCheckedWithItsOwnMessageAndNothingIsCreated() throws Exception {
        var before = counts();

        signUp("""
                        {"organizationName": " ", "kind": "club", "slug": "Acme", "firstName": "",
                         "email": "not-an-email", "acceptTerms": false}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(contains(
                                "organizationName", "kind", "slug", "firstName", "lastName", "email", "acceptTerms")))
                .andExpect(jsonPath("$.errors[0].message").value("Enter the name of your organization."))
                .andExpect(
                        jsonPath("$.errors[1].message")
                                .value(
                                        "\u201cclub\u201d is not a kind of organization; choose association, school or company."))
                .andExpect(jsonPath("$.errors[2].message")
                        .value("The address must be in lowercase letters: try \"acme\"."))
                .andExpect(jsonPath("$.errors[3].message").value("Enter your first name."))
                .andExpect(jsonPath("$.errors[4].message").value("Enter your last name."))
                .andExpect(
                        jsonPath("$.errors[5].message")
                                .value(
                                        "\u201cnot-an-email\u201d is not an email address; it should look like name@example.org."))
                .andExpect(
                        jsonPath("$.errors[6].message").value("Accept the terms of use to create the organization."));
        signUp(request("signup", email("reserved")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message")
                        .value("The address \"signup\" is reserved by the platform; please choose another."));
        signUp(request("x", email("short")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message")
                        .value("The address must be 3 to 40 characters long (it is 1)."));
        signUp(request("caf\u00e9-club", email("accent")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(startsWith("The address may only use the letters")));

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void eachClientSignsUpAtMostTheConfiguredNumberOfOrganizationsPerPeriod() throws Exception {
        var first = TenantFixtures.uniqueSlug("limit");
        var email = email("lina");
        var ids = new ArrayList<UUID>();
        ids.add(id(signUp(request(first, email)).andExpect(status().isCreated()).andReturn()));
        ids.add(id(signUp(request(TenantFixtures.uniqueSlug("limit"), email))
                .andExpect(status().isCreated())
                .andReturn()));
        var before = counts();

        signUp(request(TenantFixtures.uniqueSlug("limit"), email))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.type").value("https://tandem.app/problems/signup-limit-reached"));

        assertThat(counts()).isEqualTo(before);
        assertThat(retryAfter(signUp(request(TenantFixtures.uniqueSlug("limit"), email))
                        .andReturn()))
                .isBetween(1L, 3600L);
        // Re-submitting one that is under way creates nothing, so it is not limited; another client is not either.
        signUp(request(first, email)).andExpect(status().isOk());
        client = "198.51.100.250";
        ids.add(id(signUp(request(TenantFixtures.uniqueSlug("limit"), email))
                .andExpect(status().isCreated())
                .andReturn()));
        ids.forEach(id -> assertThat(settled(id).status()).isEqualTo(JobStatus.SUCCEEDED));
    }

    @Test
    void anExistingAccountBecomesTheAdminWithItsOwnPasswordAndIsToldByEmail() throws Exception {
        var person = people.outsider();
        var slug = TenantFixtures.uniqueSlug("known");

        var id = id(signUp(request(slug, person.email()))
                .andExpect(status().isCreated())
                .andReturn());

        assertThat(settled(id).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(directory.findUser(person.email())).contains(person.userId());
        var mail = mailbox.awaitMessageTo(person.email());
        assertThat(tokenPayload(actionLink(mail))).contains("VERIFY_EMAIL").doesNotContain("UPDATE_PASSWORD");
        var tenant = registry.findBySlug(slug).orElseThrow();
        var token = people.accessToken(tenant, person);
        mvc.perform(get("http://" + tenants.hostOf(tenant) + "/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("ORG_ADMIN"))
                .andExpect(jsonPath("$.email").value(person.email()));
    }

    @Test
    void aJobKilledBetweenStepsResumesOnRestartAndInvitesTheAdminOnce() throws Exception {
        var slug = TenantFixtures.uniqueSlug("crash");
        var email = email("cora");
        crash.killOnceFor(slug);

        var id = id(signUp(request(slug, email)).andExpect(status().isCreated()).andReturn());

        // The dying thread's error is the point here, not a failure of the test.
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60)).until(() -> crash.crashed(slug));
        var stranded = provisioning.find(id).orElseThrow();
        assertThat(stranded.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(registry.findBySlug(slug).orElseThrow().status())
                .as("never a half tenant that looks active")
                .isEqualTo(TenantStatus.PROVISIONING);
        mvc.perform(get("http://" + slug + ".localhost/api/v1/tenant")).andExpect(status().isServiceUnavailable());
        mvc.perform(get("http://localhost/api/v1/signups/" + id))
                .andExpect(jsonPath("$.stage").value("SETTING_UP"));
        assertThat(mailbox.messagesTo(email)).isEmpty();

        // The node is gone: its lease runs out, and the recovery on another node (here: this one) takes the job over.
        jdbc.sql("update platform.provisioning_jobs set lease_owner = 'dead-node', lease_until = now() - interval '1"
                        + " minute' where id = ?")
                .param(id)
                .update();
        provisioning.resumeAbandoned();

        var job = settled(id);
        assertThat(job.status()).as(job.lastError()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.steps())
                .extracting(JobStep::name, JobStep::attempts)
                .as("steps done before the crash are not done again")
                .containsExactly(
                        tuple("create-schema", 1),
                        tuple("seed-organization-settings", 1),
                        tuple("create-organization", 1),
                        tuple("test-node-crash", 2),
                        tuple("invite-first-admin", 1));
        assertThat(registry.findBySlug(slug).orElseThrow().status()).isEqualTo(TenantStatus.ACTIVE);
        mailbox.awaitMessageTo(email);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(mailbox.messagesTo(email))
                        .as("one invitation only")
                        .hasSize(1));
    }

    @Test
    void aSignUpThatCannotFinishStaysUnservedAndDiscardingItLeavesNothingBehind() throws Exception {
        var slug = TenantFixtures.uniqueSlug("doomed");
        var email = email("dora");
        mailbox.stopListening(); // the realm's mail server is down: the invitation cannot go out

        var id = id(signUp(request(slug, email)).andExpect(status().isCreated()).andReturn());

        var failed = settled(id);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.failedStep()).isEqualTo("invite-first-admin");
        var tenant = registry.findBySlug(slug).orElseThrow();
        assertThat(tenant.status()).as("never a half tenant that looks active").isEqualTo(TenantStatus.PROVISIONING);
        mvc.perform(get("http://" + slug + ".localhost/api/v1/tenant")).andExpect(status().isServiceUnavailable());
        var progress = mvc.perform(get("http://localhost/api/v1/signups/" + id))
                .andExpect(jsonPath("$.stage").value("HELD_UP"))
                .andExpect(jsonPath("$.steps[4].state").value("HELD_UP"))
                .andReturn();
        assertThat(progress.getResponse().getContentAsString())
                .as("the public progress shows no error text")
                .doesNotContain(failed.lastError(), "Keycloak", email);
        var user = directory.findUser(email).orElseThrow();
        assertThat(directory.isMember(TenantSlug.of(slug), user)).isTrue();

        var discarded = provisioning.discard(id);

        assertThat(discarded.status()).isEqualTo(JobStatus.ROLLED_BACK);
        assertThat(directory.findOrganization(TenantSlug.of(slug))).isEmpty();
        assertThat(schemaExists(tenant.schemaName())).isFalse();
        assertThat(registry.findBySlug(slug)).isEmpty();
        assertThat(registry.isSlugAvailable(slug)).isTrue();
        assertThat(directory.findUser(email))
                .as("the account may serve other organizations")
                .contains(user);
        mvc.perform(get("http://localhost/api/v1/signups/" + id))
                .andExpect(jsonPath("$.stage").value("CANCELLED"));

        mailbox.startListening();
        var again =
                id(signUp(request(slug, email)).andExpect(status().isCreated()).andReturn());
        assertThat(again).isNotEqualTo(id);
        assertThat(settled(again).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(directory.isMember(TenantSlug.of(slug), user)).isTrue();
    }

    @Test
    void signUpExistsOnThePlatformSiteOnlyAndUnknownIdsShowNothing() throws Exception {
        var tenant = tenants.activeTenant("hosted");
        var id = id(signUp(request(TenantFixtures.uniqueSlug("site"), email("sid")))
                .andExpect(status().isCreated())
                .andReturn());

        mvc.perform(post("http://" + tenants.hostOf(tenant) + "/api/v1/signups")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(request(TenantFixtures.uniqueSlug("site"), email("sid"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("http://" + tenants.hostOf(tenant) + "/api/v1/signups/" + id))
                .andExpect(status().isNotFound());
        mvc.perform(get("http://localhost/api/v1/signups/" + UUID.randomUUID()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://tandem.app/problems/signup-not-found"));
        var operatorsJob = provisioning.jobsOf(tenant.id()).get(0);
        // A provisioning job that is no sign-up is not one either.
        mvc.perform(get("http://localhost/api/v1/signups/" + operatorsJob.id())).andExpect(status().isNotFound());
        assertThat(settled(id).status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    private ResultActions signUp(String json) throws Exception {
        var from = client;
        return mvc.perform(post("http://localhost/api/v1/signups")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .with(request -> {
                    request.setRemoteAddr(from);
                    return request;
                }));
    }

    private static String request(String slug, String email) {
        return """
                {"organizationName": "Organization %s", "kind": "school", "slug": "%s", "firstName": "Fiona",
                 "lastName": "First", "email": "%s", "acceptTerms": true}""".formatted(slug, slug, email);
    }

    private static String email(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private static UUID id(MvcResult result) throws Exception {
        return UUID.fromString(JsonPath.read(result.getResponse().getContentAsString(), "$.id"));
    }

    private static long retryAfter(MvcResult result) {
        return Long.parseLong(result.getResponse().getHeader("Retry-After"));
    }

    private ProvisioningJob settled(UUID id) {
        await().dontCatchUncaughtExceptions()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> provisioning.find(id).orElseThrow().status() != JobStatus.RUNNING);
        return provisioning.find(id).orElseThrow();
    }

    private String tenantAddress(String slug) {
        return addresses.baseUrl(registry.subdomainHost(TenantSlug.of(slug))).toString();
    }

    /** The claims of the action token in an email link, where Keycloak keeps the actions and the redirect. */
    private static String actionLink(ReceivedMail mail) {
        return mail.links().stream()
                .filter(link -> link.contains("action-token"))
                .findFirst()
                .orElseThrow();
    }

    private static String tokenPayload(String link) {
        var token = link.replaceAll(".*[?&]key=([^&]+).*", "$1");
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private List<Long> counts() {
        return List.of(
                jdbc.sql("select count(*) from platform.tenants")
                        .query(Long.class)
                        .single(),
                jdbc.sql("select count(*) from platform.provisioning_jobs")
                        .query(Long.class)
                        .single(),
                jdbc.sql("select count(*) from platform.signups")
                        .query(Long.class)
                        .single());
    }

    private boolean schemaExists(String schema) {
        return jdbc.sql("select count(*) from pg_namespace where nspname = ?")
                        .param(schema)
                        .query(Long.class)
                        .single()
                == 1;
    }
}

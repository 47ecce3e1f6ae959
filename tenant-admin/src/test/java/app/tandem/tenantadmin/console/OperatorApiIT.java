package app.tandem.tenantadmin.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.core.provisioning.JobStatus;
import app.tandem.core.provisioning.ProvisionTenant;
import app.tandem.core.provisioning.TenantProvisioning;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.tenant.TenantKind;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.tenant.TenantStatus;
import app.tandem.core.test.FlakyProvisioningStep;
import app.tandem.core.test.TenantFixtures;
import app.tandem.core.test.TestClock;
import app.tandem.identity.IdentityDirectory;
import app.tandem.identity.OrgRole;
import app.tandem.identity.test.MemberFixtures;
import app.tandem.infra.keycloak.TestKeycloak;
import app.tandem.tenantadmin.console.OperatorFixtures.Operator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator API with real operator tokens: operators only, every action audited, the lifecycle from suspension to
 * deletion, the export, custom hosts and failed provisioning, and every other tenant untouched throughout.
 */
@OperatorConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorApiIT {

    private static final String PROBLEMS = "https://tandem.app/problems/";
    private static final String API = "http://localhost/api/v1/operator";

    @Autowired
    MockMvc mvc;

    @Autowired
    TenantFixtures tenants;

    @Autowired
    MemberFixtures people;

    @Autowired
    OperatorFixtures operators;

    @Autowired
    TenantRegistry registry;

    @Autowired
    TenantProvisioning provisioning;

    @Autowired
    FlakyProvisioningStep flaky;

    @Autowired
    IdentityDirectory directory;

    @Autowired
    TenantDeletions deletions;

    @Autowired
    TenantActivity activity;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    TransactionTemplate transactions;

    Operator operator;
    String token;

    @BeforeAll
    void anOperator() {
        operator = operators.operator();
        token = operators.token(operator);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void onlyOperatorsGetIn() throws Exception {
        var tenant = tenants.activeTenant("guarded");
        var admin = people.member(tenant, OrgRole.ORG_ADMIN);
        var memberToken = people.accessToken(tenant, admin);

        mvc.perform(get(API + "/tenants"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "token-missing"));
        mvc.perform(bearer(get(API + "/tenants"), memberToken))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "access-denied"));
        mvc.perform(bearer(post(API + "/tenants/" + tenant.id() + "/suspension"), memberToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"mine now\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(bearer(get(API + "/tenants/" + tenant.id() + "/export"), memberToken))
                .andExpect(status().isForbidden());
        assertThat(registry.require(tenant.id()).status()).isEqualTo(TenantStatus.ACTIVE);
        // The API lives on the platform site only.
        mvc.perform(bearer(get("http://" + tenants.hostOf(tenant) + "/api/v1/operator/tenants"), memberToken))
                .andExpect(status().isNotFound());
        mvc.perform(bearer(get(API + "/tenants"), token)).andExpect(status().isOk());
    }

    @Test
    void listsSearchesFiltersAndPagesTenants() throws Exception {
        var prefix = "fleet" + Long.toString(System.nanoTime() % 100_000, 36);
        var first = tenants.activeTenant(prefix);
        var second = tenants.activeTenant(prefix);
        var school = provisioned(prefix, TenantKind.SCHOOL);
        people.member(second, OrgRole.ORG_ADMIN);
        people.member(second, OrgRole.MEMBER);
        registry.suspend(first.id(), "Unpaid invoices");
        activity.refresh();

        mvc.perform(bearer(get(API + "/tenants").param("q", prefix.toUpperCase()), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.tenants[0].slug").value(first.slug().value()))
                .andExpect(jsonPath("$.tenants[0].status").value("SUSPENDED"))
                .andExpect(jsonPath("$.tenants[0].statusReason").value("Unpaid invoices"))
                .andExpect(jsonPath("$.tenants[0].migrationState").value("CURRENT"))
                .andExpect(jsonPath("$.tenants[0].address").value("http://" + tenants.hostOf(first)));
        mvc.perform(bearer(get(API + "/tenants").param("q", prefix).param("status", "suspended"), token))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.tenants[0].slug").value(first.slug().value()));
        mvc.perform(bearer(get(API + "/tenants").param("q", prefix).param("kind", "SCHOOL"), token))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.tenants[0].slug").value(school.slug().value()));
        mvc.perform(bearer(get(API + "/tenants").param("q", prefix).param("minMembers", "2"), token))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.tenants[0].slug").value(second.slug().value()))
                .andExpect(jsonPath("$.tenants[0].members").value(2));
        mvc.perform(bearer(get(API + "/tenants").param("q", prefix).param("maxMembers", "0"), token))
                .andExpect(jsonPath("$.total").value(2));
        var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        mvc.perform(bearer(
                        get(API + "/tenants")
                                .param("q", prefix)
                                .param("createdFrom", today.toString())
                                .param("createdTo", today.toString()),
                        token))
                .andExpect(jsonPath("$.total").value(3));
        mvc.perform(bearer(get(API + "/tenants").param("q", prefix).param("createdTo", "2020-01-01"), token))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(bearer(get(API + "/tenants").param("q", prefix).param("idleSince", "2000-01-01"), token))
                .andExpect(jsonPath("$.total").value(3));
        mvc.perform(bearer(
                        get(API + "/tenants")
                                .param("q", prefix)
                                .param("sort", "members")
                                .param("size", "1")
                                .param("page", "1"),
                        token))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.tenants.length()").value(1))
                .andExpect(jsonPath("$.tenants[0].slug").value(second.slug().value()))
                .andExpect(jsonPath("$.activityAsOf").isNotEmpty());
        mvc.perform(bearer(
                        get(API + "/tenants")
                                .param("q", prefix)
                                .param("size", "2")
                                .param("page", "2"),
                        token))
                .andExpect(jsonPath("$.page").value(2))
                .andExpect(jsonPath("$.tenants.length()").value(1));
    }

    @Test
    void refusesBadFiltersWithAMessagePerField() throws Exception {
        expectBadFilter("status", "ALIVE", "invalid-status", "PENDING_DELETION");
        expectBadFilter("kind", "club", "invalid-kind", "ASSOCIATION, SCHOOL, COMPANY");
        expectBadFilter("createdFrom", "29/11/2026", "invalid-createdFrom", "year-month-day");
        expectBadFilter("size", "1000", "invalid-size", "from 1 to 200");
        expectBadFilter("page", "0", "invalid-page", "from 1");
        expectBadFilter("minMembers", "some", "invalid-minMembers", "whole number");
        expectBadFilter("sort", "random", "invalid-sort", "slug, name, newest, oldest, members, activity");
        mvc.perform(bearer(
                        get(API + "/tenants").param("createdFrom", "2026-12-01").param("createdTo", "2026-11-01"),
                        token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-createdTo"));
        mvc.perform(bearer(get(API + "/tenants/not-a-uuid"), token)).andExpect(status().isBadRequest());
        mvc.perform(bearer(get(API + "/tenants/" + UUID.randomUUID()), token))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "tenant-not-found"));
    }

    @Test
    void showsATenantsHostsSchemaMembersProvisioningAndAudit() throws Exception {
        var tenant = tenants.activeTenant("detail");
        people.member(tenant, OrgRole.ORG_ADMIN);
        registry.suspend(tenant.id(), "Checking");

        mvc.perform(bearer(get(API + "/tenants/" + tenant.id()), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slug").value(tenant.slug().value()))
                .andExpect(jsonPath("$.status").value("SUSPENDED"))
                .andExpect(jsonPath("$.schemaName").value(tenant.schemaName()))
                .andExpect(jsonPath("$.hosts[0].host").value(tenants.hostOf(tenant)))
                .andExpect(jsonPath("$.hosts[0].kind").value("SUBDOMAIN"))
                .andExpect(jsonPath("$.migration.state").value("CURRENT"))
                .andExpect(jsonPath("$.migration.schemaVersion").isNotEmpty())
                .andExpect(jsonPath("$.members.members").value(1))
                .andExpect(jsonPath("$.members.activeMembers").value(1))
                .andExpect(jsonPath("$.provisioning[0].status").value("SUCCEEDED"))
                .andExpect(jsonPath("$.provisioning[0].steps[0].name").value("create-schema"))
                .andExpect(jsonPath("$.audit").isArray());
    }

    @Test
    void aSuspendedTenantIsRefusedOnWebAndApiWhileAnotherKeepsWorking() throws Exception {
        var suspended = tenants.activeTenant("suspended");
        var other = tenants.activeTenant("working");
        var otherAdmin = people.member(other, OrgRole.ORG_ADMIN);
        var otherToken = people.accessToken(other, otherAdmin);
        var suspendedAdmin = people.member(suspended, OrgRole.ORG_ADMIN);
        var suspendedToken = people.accessToken(suspended, suspendedAdmin);

        mvc.perform(bearer(post(API + "/tenants/" + suspended.id() + "/suspension"), token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Unpaid invoices\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUSPENDED"))
                .andExpect(jsonPath("$.statusReason").value("Unpaid invoices"))
                .andExpect(jsonPath("$.audit[0].action").value("tenant.suspended"))
                .andExpect(jsonPath("$.audit[0].actorEmail").value(operator.email()))
                .andExpect(jsonPath("$.audit[0].actorSubject").value(operator.userId()))
                .andExpect(jsonPath("$.audit[0].details.reason").value("Unpaid invoices"));

        mvc.perform(get("http://" + tenants.hostOf(suspended) + "/login").accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("This organization is suspended")));
        mvc.perform(get("http://" + tenants.hostOf(suspended) + "/api/v1/tenant"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "tenant-suspended"));
        mvc.perform(bearer(get("http://" + tenants.hostOf(suspended) + "/api/v1/me"), suspendedToken))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "tenant-suspended"));
        mvc.perform(get("http://" + tenants.hostOf(other) + "/login")).andExpect(status().is3xxRedirection());
        mvc.perform(get("http://" + tenants.hostOf(other) + "/api/v1/tenant"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        mvc.perform(bearer(get("http://" + tenants.hostOf(other) + "/api/v1/me"), otherToken))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(otherAdmin.email()));

        mvc.perform(bearer(post(API + "/tenants/" + suspended.id() + "/reactivation"), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.audit[0].action").value("tenant.reactivated"))
                .andExpect(jsonPath("$.audit[0].details.suspendedFor").value("Unpaid invoices"));
        mvc.perform(bearer(get("http://" + tenants.hostOf(suspended) + "/api/v1/me"), suspendedToken))
                .andExpect(status().isOk());
    }

    @Test
    void aRefusedActionChangesNothingAndIsNotAudited() throws Exception {
        var tenant = tenants.activeTenant("refused");

        mvc.perform(bearer(post(API + "/tenants/" + tenant.id() + "/suspension"), token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-reason"))
                .andExpect(jsonPath("$.detail").value(containsString("reason for the suspension")));
        mvc.perform(bearer(post(API + "/tenants/" + tenant.id() + "/reactivation"), token))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("is ACTIVE and cannot become ACTIVE")));
        mvc.perform(bearer(delete(API + "/tenants/" + tenant.id() + "/deletion"), token))
                .andExpect(status().isConflict());
        mvc.perform(bearer(post(API + "/tenants/" + tenant.id() + "/deletion"), token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Closing\",\"graceDays\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-graceDays"))
                .andExpect(jsonPath("$.detail").value(containsString("1 to 365 days")));

        assertThat(registry.require(tenant.id()).status()).isEqualTo(TenantStatus.ACTIVE);
        mvc.perform(bearer(get(API + "/tenants/" + tenant.id() + "/audit"), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void aDeletionAfterItsGracePeriodDropsTheSchemaAndTheOrganization() throws Exception {
        var doomed = tenants.activeTenant("doomed");
        var kept = tenants.activeTenant("kept");
        people.member(doomed, OrgRole.ORG_ADMIN);
        var loginOnDoomed = TestKeycloak.get().login().withRedirectUri(people.redirectUri(doomed));
        assertThat(loginOnDoomed
                        .tokens(operator.email(), OperatorFixtures.PASSWORD, "openid")
                        .accessToken())
                .isNotBlank();

        mvc.perform(bearer(post(API + "/tenants/" + doomed.id() + "/deletion"), token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"The association closed\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING_DELETION"))
                .andExpect(jsonPath("$.deletionDueAt").isNotEmpty())
                .andExpect(jsonPath("$.audit[0].action").value("tenant.deletion-scheduled"))
                .andExpect(jsonPath("$.audit[0].details.graceDays").value(30));
        var due = registry.require(doomed.id()).deletionDueAt();
        assertThat(due)
                .isBetween(
                        clock.instant().plus(Duration.ofDays(30)).minusSeconds(60),
                        clock.instant().plus(Duration.ofDays(30)));
        mvc.perform(get("http://" + tenants.hostOf(doomed) + "/api/v1/tenant"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "tenant-closing"));

        // Within the grace period nothing is deleted.
        assertThat(deletions.deleteDue().deleted()).doesNotContain(doomed.id());
        clock.advance(Duration.ofDays(29));
        assertThat(deletions.deleteDue().deleted()).doesNotContain(doomed.id());
        assertThat(schemaExists(doomed)).isTrue();

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(deletions.deleteDue().deleted()).contains(doomed.id());

        var deleted = registry.require(doomed.id());
        assertThat(deleted.status()).isEqualTo(TenantStatus.DELETED);
        assertThat(schemaExists(doomed)).isFalse();
        assertThat(directory.findOrganization(doomed.slug())).isEmpty();
        assertThatThrownBy(() -> loginOnDoomed.tokens(operator.email(), OperatorFixtures.PASSWORD, "openid"))
                .hasMessageContaining("registered redirect URI");
        mvc.perform(get("http://" + tenants.hostOf(doomed) + "/api/v1/tenant"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "unknown-host"));
        // The slug stays taken, so the address never reaches another organization.
        assertThat(registry.isSlugAvailable(doomed.slug().value())).isFalse();
        mvc.perform(bearer(get(API + "/tenants/" + doomed.id() + "/audit"), token))
                .andExpect(jsonPath("$[0].action").value("tenant.deleted"))
                .andExpect(jsonPath("$[0].actorSubject").value("system"))
                .andExpect(jsonPath("$[0].details.reason").value("The association closed"))
                .andExpect(jsonPath("$[0].details.schema").value(doomed.schemaName()));
        mvc.perform(bearer(get(API + "/tenants/" + doomed.id() + "/export"), token))
                .andExpect(status().isConflict());

        // Every other tenant keeps its data and its organization.
        assertThat(schemaExists(kept)).isTrue();
        assertThat(directory.findOrganization(kept.slug())).isPresent();
        mvc.perform(get("http://" + tenants.hostOf(kept) + "/api/v1/tenant")).andExpect(status().isOk());
    }

    @Test
    void aCancelledDeletionLeavesTheTenantSuspendedUntilReactivated() throws Exception {
        var tenant = tenants.activeTenant("spared");

        mvc.perform(bearer(post(API + "/tenants/" + tenant.id() + "/deletion"), token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Asked to close\",\"graceDays\":7}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.audit[0].details.graceDays").value(7));
        mvc.perform(bearer(delete(API + "/tenants/" + tenant.id() + "/deletion"), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUSPENDED"))
                .andExpect(jsonPath("$.deletionDueAt").doesNotExist())
                .andExpect(jsonPath("$.audit[0].action").value("tenant.deletion-cancelled"));

        clock.advance(Duration.ofDays(8));
        assertThat(deletions.deleteDue().deleted()).doesNotContain(tenant.id());
        assertThat(schemaExists(tenant)).isTrue();
        mvc.perform(get("http://" + tenants.hostOf(tenant) + "/api/v1/tenant"))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "tenant-suspended"));
        mvc.perform(bearer(post(API + "/tenants/" + tenant.id() + "/reactivation"), token))
                .andExpect(jsonPath("$.status").value("ACTIVE"));
    }

    @Test
    void aCancellationRacingTheDeletionJobIsAConflictAndChangesNothing() throws Exception {
        var tenant = tenants.activeTenant("raced-cancel");
        registry.scheduleDeletion(tenant.id(), "Closing", clock.instant().plus(Duration.ofDays(1)));
        clock.advance(Duration.ofDays(2));
        var held = new CountDownLatch(1);
        var commit = new CountDownLatch(1);
        var job = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            registry.lockForDeletion(tenant.id(), clock.instant()).orElseThrow();
            held.countDown();
            awaitQuietly(commit);
            registry.markDeleted(tenant.id());
        }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

        // The operator's request reads the tenant while the job holds it, and its write waits for the job's commit.
        var cancel = CompletableFuture.supplyAsync(
                () -> perform(bearer(delete(API + "/tenants/" + tenant.id() + "/deletion"), token)));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("""
                                select count(*) from pg_stat_activity
                                where datname = current_database() and wait_event_type = 'Lock'
                                """).query(Integer.class).single() > 0);
        commit.countDown();
        job.get(10, TimeUnit.SECONDS);

        var response = cancel.get(10, TimeUnit.SECONDS);
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(json.readTree(response.getContentAsString()).path("type").asString())
                .isEqualTo(PROBLEMS + "changed-meanwhile");
        assertThat(registry.require(tenant.id()).status()).isEqualTo(TenantStatus.DELETED);
        mvc.perform(bearer(get(API + "/tenants/" + tenant.id() + "/audit"), token))
                .andExpect(jsonPath("$[?(@.action == 'tenant.deletion-cancelled')]")
                        .isEmpty());
    }

    @Test
    void theExportIsAZipOfEveryTableAndAManifestOfThisTenantOnly() throws Exception {
        var tenant = tenants.activeTenant("exported");
        var other = tenants.activeTenant("private");
        var admin = people.member(tenant, OrgRole.ORG_ADMIN);
        var member = people.member(tenant, OrgRole.MEMBER);
        var stranger = people.member(other, OrgRole.ORG_ADMIN);

        var response = mvc.perform(bearer(get(API + "/tenants/" + tenant.id() + "/export"), token))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andExpect(header().string(
                                "Content-Disposition",
                                containsString(tenant.slug().value() + "-export-")))
                .andReturn()
                .getResponse();
        var files = unzip(response.getContentAsByteArray());

        assertThat(files).containsKeys("manifest.json", "tables/members.json", "tables/organization_settings.json");
        assertThat(files).doesNotContainKey("tables/flyway_schema_history.json");
        var members = json.readTree(files.get("tables/members.json"));
        assertThat(members.isArray()).isTrue();
        assertThat(members.valueStream().map(row -> row.path("email").asString()))
                .containsExactlyInAnyOrder(admin.email(), member.email());
        assertThat(members.get(0).has("last_seen_at")).isTrue();
        assertThat(files.get("tables/members.json")).doesNotContain(stranger.email());
        JsonNode manifest = json.readTree(files.get("manifest.json"));
        assertThat(manifest.path("format").asString()).isEqualTo("tandem-tenant-export");
        assertThat(manifest.path("tenant").path("slug").asString())
                .isEqualTo(tenant.slug().value());
        assertThat(manifest.path("tenant").path("hosts").get(0).path("host").asString())
                .isEqualTo(tenants.hostOf(tenant));
        assertThat(manifest.path("schemaVersion").asString()).isNotBlank();
        assertThat(manifest.path("exportedBy").asString()).isEqualTo(operator.email());
        assertThat(manifest.path("tables")
                        .valueStream()
                        .map(table -> table.path("name").asString()))
                .contains("members", "organization_settings");
        assertThat(manifest.path("tables")
                        .valueStream()
                        .filter(table -> table.path("name").asString().equals("members"))
                        .findFirst()
                        .orElseThrow()
                        .path("rows")
                        .asLong())
                .isEqualTo(2);

        mvc.perform(bearer(get(API + "/tenants/" + tenant.id() + "/audit"), token))
                .andExpect(jsonPath("$[0].action").value("tenant.exported"))
                .andExpect(jsonPath("$[0].actorEmail").value(operator.email()))
                .andExpect(jsonPath("$[0].details.rows")
                        .value(manifest.path("tables")
                                .valueStream()
                                .mapToLong(table -> table.path("rows").asLong())
                                .sum()));
    }

    @Test
    void aCustomHostRoutesToItsTenantAndIsRegisteredForSignIn() throws Exception {
        var tenant = tenants.activeTenant("branded");
        var other = tenants.activeTenant("neighbour");
        var custom = "mentoring-" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        var login = TestKeycloak.get().login().withRedirectUri("http://" + custom + "/login/oauth2/code/keycloak");
        mvc.perform(get("http://" + custom + "/api/v1/tenant")).andExpect(status().isNotFound());

        mvc.perform(bearer(post(API + "/tenants/" + tenant.id() + "/hosts"), token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"host\":\"" + custom + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.hosts[*].host").value(hasItem(custom)))
                .andExpect(jsonPath("$.audit[0].action").value("tenant.host-added"))
                .andExpect(jsonPath("$.audit[0].details.host").value(custom));

        mvc.perform(get("http://" + custom + "/api/v1/tenant"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slug").value(tenant.slug().value()));
        assertThat(login.tokens(operator.email(), OperatorFixtures.PASSWORD, "openid")
                        .accessToken())
                .isNotBlank();

        // Taken, malformed or platform hosts are refused with a message, and nothing changes.
        mvc.perform(bearer(post(API + "/tenants/" + other.id() + "/hosts"), token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"host\":\"" + custom + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "host-taken"))
                .andExpect(jsonPath("$.detail").value(containsString("already taken")));
        mvc.perform(bearer(post(API + "/tenants/" + other.id() + "/hosts"), token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"host\":\"https://Mentoring.Example.org/\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-host"));
        mvc.perform(bearer(post(API + "/tenants/" + other.id() + "/hosts"), token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"host\":\"someone.localhost\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("outside localhost")));
        mvc.perform(bearer(delete(API + "/tenants/" + other.id() + "/hosts/" + tenants.hostOf(other)), token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("own subdomain")));
        mvc.perform(bearer(delete(API + "/tenants/" + other.id() + "/hosts/" + custom), token))
                .andExpect(status().isNotFound());
        assertThat(registry.hostsOf(other.id())).hasSize(1);

        mvc.perform(bearer(delete(API + "/tenants/" + tenant.id() + "/hosts/" + custom), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hosts[*].host").value(not(hasItem(custom))))
                .andExpect(jsonPath("$.audit[0].action").value("tenant.host-removed"));
        mvc.perform(get("http://" + custom + "/api/v1/tenant")).andExpect(status().isNotFound());
        assertThatThrownBy(() -> login.tokens(operator.email(), OperatorFixtures.PASSWORD, "openid"))
                .hasMessageContaining("registered redirect URI");
    }

    @Test
    void migrationsRunAgainForOneTenantAndTheOutcomeIsAudited() throws Exception {
        var tenant = tenants.activeTenant("migrated");

        mvc.perform(bearer(post(API + "/tenants/" + tenant.id() + "/migration"), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("UP_TO_DATE"))
                .andExpect(jsonPath("$.migration.state").value("CURRENT"))
                .andExpect(jsonPath("$.migration.schemaVersion").isNotEmpty());

        mvc.perform(bearer(get(API + "/tenants/" + tenant.id() + "/audit"), token))
                .andExpect(jsonPath("$[0].action").value("tenant.migrated"))
                .andExpect(jsonPath("$[0].details.outcome").value("UP_TO_DATE"));
        mvc.perform(get("http://" + tenants.hostOf(tenant) + "/api/v1/tenant")).andExpect(status().isOk());
    }

    @Test
    void failedProvisioningIsListedWithItsStepAndCanBeRetriedOrDiscarded() throws Exception {
        var retried = TenantFixtures.uniqueSlug("retried");
        var discarded = TenantFixtures.uniqueSlug("discarded");
        flaky.failFor(retried);
        flaky.failFor(discarded);
        var retriedJob = provisioning.provision(ProvisionTenant.of(retried, "Retried", TenantKind.COMPANY));
        var discardedJob = provisioning.provision(ProvisionTenant.of(discarded, "Discarded", TenantKind.COMPANY));
        assertThat(retriedJob.status()).isEqualTo(JobStatus.FAILED);

        mvc.perform(bearer(get(API + "/provisioning-jobs/failed"), token))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$[?(@.slug == '" + retried + "')].failedStep").value(hasItem("test-flaky")))
                .andExpect(jsonPath("$[?(@.slug == '" + retried + "')].lastError")
                        .value(hasItem(containsString("the flaky step refuses"))));

        mvc.perform(bearer(post(API + "/provisioning-jobs/" + retriedJob.id() + "/retry"), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FAILED"));
        flaky.stopFailingFor(retried);
        mvc.perform(bearer(post(API + "/provisioning-jobs/" + retriedJob.id() + "/retry"), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUCCEEDED"));
        assertThat(registry.findBySlug(retried).orElseThrow().status()).isEqualTo(TenantStatus.ACTIVE);
        mvc.perform(bearer(post(API + "/provisioning-jobs/" + retriedJob.id() + "/retry"), token))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "provisioning-job-not-failed"));

        mvc.perform(bearer(post(API + "/provisioning-jobs/" + discardedJob.id() + "/discard"), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ROLLED_BACK"));
        assertThat(registry.findBySlug(discarded)).isEmpty();
        assertThat(flaky.compensated()).contains(discarded);
        mvc.perform(bearer(post(API + "/provisioning-jobs/" + UUID.randomUUID() + "/discard"), token))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "provisioning-job-not-found"));

        mvc.perform(bearer(get(API + "/audit"), token))
                .andExpect(jsonPath("$[?(@.tenantSlug == '" + retried + "')].action")
                        .value(hasItem("provisioning.retried")))
                .andExpect(jsonPath("$[?(@.tenantSlug == '" + discarded + "')].action")
                        .value(hasItem("provisioning.discarded")))
                .andExpect(jsonPath("$[?(@.tenantSlug == '" + discarded + "')].details.status")
                        .value(hasItem("ROLLED_BACK")));
    }

    private void expectBadFilter(String parameter, String value, String code, String hint) throws Exception {
        mvc.perform(bearer(get(API + "/tenants").param(parameter, value), token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + code))
                .andExpect(jsonPath("$.detail").value(containsString(hint)));
    }

    private Tenant provisioned(String prefix, TenantKind kind) {
        var slug = TenantFixtures.uniqueSlug(prefix);
        var job = provisioning.provision(ProvisionTenant.of(slug, "School " + slug, kind));
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        return registry.findBySlug(slug).orElseThrow();
    }

    private boolean schemaExists(Tenant tenant) {
        return jdbc.sql("select count(*) from pg_namespace where nspname = ?")
                        .param(tenant.schemaName())
                        .query(Integer.class)
                        .single()
                == 1;
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) {
        try {
            return mvc.perform(request).andReturn().getResponse();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        var files = new LinkedHashMap<String, String>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }
}

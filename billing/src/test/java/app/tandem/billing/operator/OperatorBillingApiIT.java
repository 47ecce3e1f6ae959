package app.tandem.billing.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.billing.BillingIntegrationTest;
import app.tandem.billing.operator.FleetFixtures.Operator;
import app.tandem.billing.plan.PlanCatalog;
import app.tandem.core.audit.AuditTrail;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.tenant.TenantStatus;
import app.tandem.core.test.TenantFixtures;
import app.tandem.identity.IdentityDirectory;
import app.tandem.identity.OrgRole;
import app.tandem.identity.test.MemberFixtures;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * {@code /api/v1/operator/billing} with real operator tokens: the fleet with its monthly recurring revenue and totals,
 * each action changing the account and writing the organization's audit trail, bad input refused with nothing changed,
 * org admins refused, and the CSV export.
 */
@BillingIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorBillingApiIT {

    private static final String API = "http://localhost/api/v1/operator/billing";
    private static final String PROBLEMS = "https://tandem.app/problems/";

    @Autowired
    MockMvc mvc;

    @Autowired
    TenantFixtures tenants;

    @Autowired
    MemberFixtures people;

    @Autowired
    TenantRegistry registry;

    @Autowired
    IdentityDirectory directory;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    FleetFixtures fleet;
    Operator operator;
    String token;

    @BeforeAll
    void anOperator() {
        fleet = new FleetFixtures(tenants, registry, directory, audit, jdbc);
        operator = fleet.operator();
        token = fleet.token(operator);
    }

    @Test
    void anOperatorSeesEveryAccountWithItsMonthlyRevenueAndTheFleetTotals() throws Exception {
        var prefix = "fleet-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        var now = Instant.now();
        var growth = fleet.account(prefix, PlanCatalog.GROWTH, "ACTIVE", 10);
        var enterprise = fleet.account(prefix, PlanCatalog.ENTERPRISE, "ACTIVE", 1200);
        fleet.set(enterprise, Map.of("seat_limit", 1000));
        var free = fleet.account(prefix, PlanCatalog.FREE, "ACTIVE", 5);
        var comped = fleet.account(prefix, PlanCatalog.GROWTH, "ACTIVE", 20);
        fleet.set(comped, Map.of("comped", true));
        var trialing = fleet.account(prefix, PlanCatalog.GROWTH, "TRIALING", 7);
        var pastDue = fleet.account(prefix, PlanCatalog.GROWTH, "ACTIVE", 3);
        fleet.pastDue(pastDue, now, now.plus(Duration.ofDays(14)));
        var suspended = fleet.account(prefix, PlanCatalog.GROWTH, "ACTIVE", 2);
        fleet.pastDue(suspended, now.minus(Duration.ofDays(15)), now.minus(Duration.ofDays(1)));
        fleet.suspendedForBilling(suspended);
        var canceled = fleet.account(prefix, PlanCatalog.GROWTH, "CANCELED", 4);

        mvc.perform(operator(get(API).param("q", prefix)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(8))
                .andExpect(jsonPath("$.accounts.length()").value(8))
                .andExpect(jsonPath(
                                "$.accounts[?(@.slug == '%s')].monthlyRevenue",
                                growth.slug().value())
                        .value(40.0))
                .andExpect(jsonPath(
                                "$.accounts[?(@.slug == '%s')].planName",
                                growth.slug().value())
                        .value("Growth"))
                // An OVERAGE plan past its limit: every seat at the plan's price.
                .andExpect(jsonPath(
                                "$.accounts[?(@.slug == '%s')].monthlyRevenue",
                                enterprise.slug().value())
                        .value(3600.0))
                .andExpect(jsonPath(
                                "$.accounts[?(@.slug == '%s')].seatLimit",
                                enterprise.slug().value())
                        .value(1000))
                .andExpect(jsonPath(
                                "$.accounts[?(@.slug == '%s')].seatLimitSet",
                                enterprise.slug().value())
                        .value(true))
                .andExpect(jsonPath(
                                "$.accounts[?(@.slug == '%s')].monthlyRevenue",
                                free.slug().value())
                        .value(0.0))
                .andExpect(jsonPath(
                                "$.accounts[?(@.slug == '%s')].seatLimit",
                                free.slug().value())
                        .value(10))
                .andExpect(jsonPath(
                                "$.accounts[?(@.slug == '%s')].monthlyRevenue",
                                comped.slug().value())
                        .value(0.0))
                .andExpect(jsonPath(
                                "$.accounts[?(@.slug == '%s')].comped",
                                comped.slug().value())
                        .value(true))
                .andExpect(jsonPath(
                                "$.accounts[?(@.slug == '%s')].monthlyRevenue",
                                trialing.slug().value())
                        .value(0.0))
                .andExpect(jsonPath(
                                "$.accounts[?(@.slug == '%s')].monthlyRevenue",
                                pastDue.slug().value())
                        .value(12.0))
                .andExpect(jsonPath(
                                "$.accounts[?(@.slug == '%s')].graceEndsAt",
                                pastDue.slug().value())
                        .isNotEmpty())
                .andExpect(jsonPath(
                                "$.accounts[?(@.slug == '%s')].suspendedForBilling",
                                suspended.slug().value())
                        .value(true))
                .andExpect(jsonPath(
                                "$.accounts[?(@.slug == '%s')].tenantStatus",
                                suspended.slug().value())
                        .value("SUSPENDED"))
                .andExpect(jsonPath(
                                "$.accounts[?(@.slug == '%s')].monthlyRevenue",
                                suspended.slug().value())
                        .value(8.0))
                .andExpect(jsonPath(
                                "$.accounts[?(@.slug == '%s')].monthlyRevenue",
                                canceled.slug().value())
                        .value(0.0))
                .andExpect(jsonPath("$.totals.tenants").value(8))
                .andExpect(jsonPath("$.totals.seats").value(1251))
                .andExpect(jsonPath("$.totals.monthlyRevenue.CAD").value(3660.0))
                .andExpect(jsonPath("$.totals.byStatus.ACTIVE").value(4))
                .andExpect(jsonPath("$.totals.byStatus.PAST_DUE").value(2))
                .andExpect(jsonPath("$.totals.byStatus.TRIALING").value(1))
                .andExpect(jsonPath("$.totals.byStatus.CANCELED").value(1))
                .andExpect(jsonPath("$.totals.suspendedForBilling").value(1))
                .andExpect(jsonPath("$.totals.plans[?(@.plan == 'GROWTH')].tenants")
                        .value(6))
                .andExpect(
                        jsonPath("$.totals.plans[?(@.plan == 'GROWTH')].seats").value(46))
                .andExpect(jsonPath("$.totals.plans[?(@.plan == 'GROWTH')].monthlyRevenue")
                        .value(60.0))
                .andExpect(jsonPath("$.totals.plans[?(@.plan == 'GROWTH')].byStatus.ACTIVE")
                        .value(2))
                .andExpect(jsonPath("$.totals.plans[?(@.plan == 'ENTERPRISE')].monthlyRevenue")
                        .value(3600.0))
                .andExpect(
                        jsonPath("$.totals.plans[?(@.plan == 'FREE')].tenants").value(1));

        mvc.perform(operator(get(API).param("q", prefix).param("plan", "enterprise")))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(
                        jsonPath("$.accounts[0].slug").value(enterprise.slug().value()))
                .andExpect(jsonPath("$.totals.monthlyRevenue.CAD").value(3600.0));
        mvc.perform(operator(get(API).param("q", prefix).param("status", "PAST_DUE")))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.totals.seats").value(5));
        mvc.perform(operator(get(API).param("q", prefix).param("status", "SUSPENDED_FOR_BILLING")))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.accounts[0].slug").value(suspended.slug().value()));
        mvc.perform(operator(get(API).param("q", prefix).param("plan", "GROWTH").param("status", "ACTIVE")))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(operator(get(API).param("q", prefix).param("size", "3").param("page", "3")))
                .andExpect(jsonPath("$.accounts.length()").value(2))
                .andExpect(jsonPath("$.page").value(3))
                .andExpect(jsonPath("$.total").value(8))
                .andExpect(jsonPath("$.totals.tenants").value(8));
        mvc.perform(operator(get(API + "/" + growth.id())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plan").value("GROWTH"))
                .andExpect(jsonPath("$.seats").value(10))
                .andExpect(jsonPath("$.currency").value("CAD"));
    }

    @Test
    void aBadFilterIsRefusedWithWhatIsWrongWithIt() throws Exception {
        mvc.perform(operator(get(API).param("plan", "GOLD")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-billing-input"))
                .andExpect(jsonPath("$.errors.plan").value(containsString("\"GOLD\" is not one")));
        mvc.perform(operator(get(API).param("status", "LATE")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.status").value(containsString("SUSPENDED_FOR_BILLING")));
        mvc.perform(operator(get(API).param("size", "500")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.size").exists());
    }

    @Test
    void compingPutsTheOrganizationOnThePlanOpensItAgainAndIsAudited() throws Exception {
        var now = Instant.now();
        var tenant = fleet.account("fleet-comp", PlanCatalog.GROWTH, "ACTIVE", 9);
        suspendedAfterGrace(tenant, now);

        act(tenant, "comp", "{\"plan\":\"ENTERPRISE\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plan").value("ENTERPRISE"))
                .andExpect(jsonPath("$.comped").value(true))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.suspendedForBilling").value(false))
                .andExpect(jsonPath("$.graceEndsAt").doesNotExist())
                .andExpect(jsonPath("$.monthlyRevenue").value(0.0))
                .andExpect(jsonPath("$.tenantStatus").value("ACTIVE"));

        assertThat(registry.require(tenant.id()).status()).isEqualTo(TenantStatus.ACTIVE);
        var entries = fleet.billingAudit(tenant);
        assertThat(entries).hasSize(1);
        var entry = entries.get(0);
        assertThat(entry.action()).isEqualTo("billing.comp");
        assertThat(entry.subject()).isEqualTo(tenant.slug().value());
        assertThat(entry.actorId()).isEqualTo(operator.userId());
        assertThat(entry.actorName()).contains(operator.email());
        assertThat(entry.details()).contains("ENTERPRISE", "was GROWTH (PAST_DUE)", "open again");
        assertThat(fleet.operatorAudit(tenant)).singleElement().satisfies(audited -> {
            assertThat(audited.get("action")).isEqualTo("billing.comp");
            assertThat(audited.get("actor_subject")).isEqualTo(operator.userId());
            assertThat(audited.get("actor_email")).isEqualTo(operator.email());
            assertThat((String) audited.get("change")).isEqualTo(entry.details());
        });
        mvc.perform(operator(get(API + "/" + tenant.id() + "/actions")))
                .andExpect(jsonPath("$[0].action").value("billing.comp"));
    }

    @Test
    void compingAnOrganizationStillChargedByItsSubscriptionIsRefusedAndChangesNothing() throws Exception {
        var tenant = fleet.account("fleet-paying", PlanCatalog.GROWTH, "ACTIVE", 6);
        fleet.set(tenant, Map.of("stripe_subscription_id", "sub_paying", "stripe_status", "active"));
        var before = fleet.row(tenant);

        act(tenant, "comp", "{\"plan\":\"ENTERPRISE\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://tandem.app/problems/organization-paying"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("sub_paying")));

        assertThat(fleet.row(tenant)).isEqualTo(before);
        assertThat(fleet.billingAudit(tenant)).isEmpty();
        assertThat(fleet.operatorAudit(tenant)).isEmpty();
    }

    @Test
    void extendingTheGracePeriodAddsTheDaysAndIsAudited() throws Exception {
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var graceEndsAt = now.plus(Duration.ofDays(3));
        var tenant = fleet.account("fleet-grace", PlanCatalog.GROWTH, "ACTIVE", 4);
        fleet.pastDue(tenant, now.minus(Duration.ofDays(11)), graceEndsAt);

        act(tenant, "grace-extension", "{\"days\":10}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PAST_DUE"))
                .andExpect(jsonPath("$.graceEndsAt")
                        .value(graceEndsAt.plus(Duration.ofDays(10)).toString()));

        var entries = fleet.billingAudit(tenant);
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("billing.extend-grace");
            assertThat(entry.subject()).isEqualTo(tenant.slug().value());
            assertThat(entry.details()).contains("by 10 days");
        });
    }

    @Test
    void extendingTheGracePeriodOfASuspendedOrganizationOpensItUntilTheNewEnd() throws Exception {
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var tenant = fleet.account("fleet-regrace", PlanCatalog.GROWTH, "ACTIVE", 4);
        suspendedAfterGrace(tenant, now);

        act(tenant, "grace-extension", "{\"days\":5}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PAST_DUE"))
                .andExpect(jsonPath("$.suspendedForBilling").value(false))
                .andExpect(jsonPath("$.tenantStatus").value("ACTIVE"));

        assertThat(registry.require(tenant.id()).status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(fleet.billingAudit(tenant))
                .singleElement()
                .satisfies(entry -> assertThat(entry.details()).contains("by 5 days", "open again"));
    }

    @Test
    void anEnterpriseOrganizationGetsASeatLimitOfItsOwnAndBackThePlans() throws Exception {
        var tenant = fleet.account("fleet-limit", PlanCatalog.ENTERPRISE, "ACTIVE", 40);

        mvc.perform(operator(put(API + "/" + tenant.id() + "/seat-limit"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"seatLimit\":250}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seatLimit").value(250))
                .andExpect(jsonPath("$.seatLimitSet").value(true));
        assertThat(fleet.row(tenant).get("seat_limit")).isEqualTo(250);

        mvc.perform(operator(put(API + "/" + tenant.id() + "/seat-limit"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"seatLimit\":null}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seatLimit").value(1000))
                .andExpect(jsonPath("$.seatLimitSet").value(false));

        assertThat(fleet.billingAudit(tenant))
                .extracting(entry -> entry.action() + ": " + entry.details())
                .containsExactly(
                        "billing.seat-limit: Seat limit back to the plan's (1000), was 250.",
                        "billing.seat-limit: Seat limit set to 250, was the plan's (1000).");
    }

    @Test
    void badInputIsRefusedWithASpecificProblemAndChangesNothing() throws Exception {
        var growth = fleet.account("fleet-refused", PlanCatalog.GROWTH, "ACTIVE", 6);
        var enterprise = fleet.account("fleet-refused", PlanCatalog.ENTERPRISE, "ACTIVE", 6);
        var growthBefore = fleet.row(growth);
        var enterpriseBefore = fleet.row(enterprise);

        refused(post(API + "/" + growth.id() + "/comp"), "{\"plan\":\"GOLD\"}", 400, "unknown-plan");
        refused(post(API + "/" + growth.id() + "/comp"), "{}", 400, "plan-missing");
        refused(post(API + "/" + growth.id() + "/grace-extension"), "{\"days\":0}", 400, "invalid-grace-days");
        refused(post(API + "/" + growth.id() + "/grace-extension"), "{\"days\":91}", 400, "invalid-grace-days");
        refused(post(API + "/" + growth.id() + "/grace-extension"), "{}", 400, "invalid-grace-days");
        refused(post(API + "/" + growth.id() + "/grace-extension"), "{\"days\":5}", 409, "not-past-due");
        refused(put(API + "/" + growth.id() + "/seat-limit"), "{\"seatLimit\":50}", 409, "seat-limit-not-invoiced");
        refused(put(API + "/" + enterprise.id() + "/seat-limit"), "{\"seatLimit\":-1}", 400, "invalid-seat-limit");
        refused(post(API + "/" + UUID.randomUUID() + "/comp"), "{\"plan\":\"GROWTH\"}", 404, "tenant-not-found");

        assertThat(fleet.row(growth)).isEqualTo(growthBefore);
        assertThat(fleet.row(enterprise)).isEqualTo(enterpriseBefore);
        assertThat(fleet.billingAudit(growth)).isEmpty();
        assertThat(fleet.billingAudit(enterprise)).isEmpty();
    }

    @Test
    void anOrgAdminIsRefusedOnThePlatformSiteAndOnTheirOwnHost() throws Exception {
        var tenant = fleet.account("fleet-guarded", PlanCatalog.GROWTH, "ACTIVE", 3);
        var admin = people.member(tenant, OrgRole.ORG_ADMIN);
        var adminToken = people.accessToken(tenant, admin);
        var before = fleet.row(tenant);

        mvc.perform(get(API)).andExpect(status().isUnauthorized());
        mvc.perform(bearer(get(API), adminToken))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "access-denied"));
        mvc.perform(bearer(get(API + "/export"), adminToken)).andExpect(status().isForbidden());
        mvc.perform(bearer(post(API + "/" + tenant.id() + "/comp"), adminToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plan\":\"ENTERPRISE\"}"))
                .andExpect(status().isForbidden());
        // On the organization's own host the operators' API does not exist.
        mvc.perform(post("/api/v1/operator/billing/" + tenant.id() + "/comp")
                        .with(people.api(tenant, adminToken))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plan\":\"ENTERPRISE\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/operator/billing").with(people.api(tenant, adminToken)))
                .andExpect(status().isNotFound());

        assertThat(fleet.row(tenant)).isEqualTo(before);
        assertThat(fleet.billingAudit(tenant)).isEmpty();
    }

    @Test
    void theFleetIsExportedAsCsvWithFormulasDefused() throws Exception {
        var prefix = "fleet-csv-" + Long.toString(System.nanoTime() % 100_000, 36);
        var paying = fleet.account(prefix, PlanCatalog.GROWTH, "ACTIVE", 25);
        var trialing = fleet.account(prefix, PlanCatalog.GROWTH, "TRIALING", 2);
        jdbc.sql("update platform.tenants set display_name = :name where id = :id")
                .param("name", "=HYPERLINK(\"http://evil.example\", \"Pay, now\")")
                .param("id", paying.id().value())
                .update();

        var response = mvc.perform(operator(get(API + "/export").param("q", prefix)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(header().string("Content-Disposition", containsString("attachment; filename=\"billing-")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        var records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(response));
        assertThat(records.getHeaderNames()).containsExactly(FleetCsv.HEADER);
        var rows = records.getRecords();
        assertThat(rows).hasSize(2);
        var first = rows.stream()
                .filter(row -> row.get("slug").equals(paying.slug().value()))
                .findFirst()
                .orElseThrow();
        assertThat(first.get("tenant_id")).isEqualTo(paying.id().value().toString());
        assertThat(first.get("name")).isEqualTo("'=HYPERLINK(\"http://evil.example\", \"Pay, now\")");
        assertThat(first.get("plan")).isEqualTo("GROWTH");
        assertThat(first.get("status")).isEqualTo("ACTIVE");
        assertThat(first.get("seats")).isEqualTo("25");
        assertThat(first.get("currency")).isEqualTo("CAD");
        assertThat(first.get("monthly_revenue")).isEqualTo("100.00");
        var second = rows.stream()
                .filter(row -> row.get("slug").equals(trialing.slug().value()))
                .findFirst()
                .orElseThrow();
        assertThat(second.get("status")).isEqualTo("TRIALING");
        assertThat(second.get("trial_ends_at")).isNotEmpty();
        assertThat(second.get("monthly_revenue")).isEqualTo("0.00");
    }

    private void refused(MockHttpServletRequestBuilder request, String body, int status, String code) throws Exception {
        mvc.perform(operator(request).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(status))
                .andExpect(jsonPath("$.type").value(PROBLEMS + code))
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    private MockHttpServletRequestBuilder operator(MockHttpServletRequestBuilder request) {
        return bearer(request, token);
    }

    private static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }

    /** An operator's action on the organization, with its JSON body. */
    private org.springframework.test.web.servlet.ResultActions act(Tenant tenant, String action, String json)
            throws Exception {
        return mvc.perform(operator(post(API + "/" + tenant.id() + "/" + action))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    /** Overdue for 15 days, its grace over since yesterday, and suspended by dunning. */
    private void suspendedAfterGrace(Tenant tenant, Instant now) {
        fleet.pastDue(tenant, now.minus(Duration.ofDays(15)), now.minus(Duration.ofDays(1)));
        fleet.suspendedForBilling(tenant);
    }
}

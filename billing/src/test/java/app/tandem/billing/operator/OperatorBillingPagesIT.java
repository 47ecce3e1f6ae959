package app.tandem.billing.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.billing.BillingIntegrationTest;
import app.tandem.billing.plan.PlanCatalog;
import app.tandem.core.audit.AuditTrail;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.test.TenantFixtures;
import app.tandem.identity.IdentityDirectory;
import app.tandem.identity.OrgRole;
import app.tandem.identity.test.MemberFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * {@code /operator/billing}'s pages on the platform site. The operator's browser session is made up
 * ({@code oidcLogin()}, as in the console's own page tests); the pages, forms, refusals and the download are the point.
 */
@BillingIntegrationTest
class OperatorBillingPagesIT {

    private static final String PAGES = "http://localhost/operator/billing";
    private static final String OPERATOR_SUBJECT = "billing-operator-pages";
    private static final String OPERATOR_EMAIL = "olga-billing@example.org";

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

    @BeforeEach
    void fixtures() {
        fleet = new FleetFixtures(tenants, registry, directory, audit, jdbc);
    }

    @Test
    void theFleetPageShowsEveryAccountItsRevenueAndTheTotals() throws Exception {
        var prefix = "pages-fleet-" + Long.toString(System.nanoTime() % 100_000, 36);
        var paying = fleet.account(prefix, PlanCatalog.GROWTH, "ACTIVE", 12);
        var free = fleet.account(prefix, PlanCatalog.FREE, "ACTIVE", 3);

        mvc.perform(get(PAGES).param("q", prefix).with(operator()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<h1 class=\"h3\">Billing</h1>"),
                                containsString("href=\"/operator/billing/" + paying.id() + "\""),
                                containsString(paying.displayName()),
                                containsString(free.displayName()),
                                containsString("2 organizations, 15 seats."),
                                containsString("MRR CAD 48.00"),
                                containsString("2 organizations match; page 1 of 1."),
                                containsString("href=\"/operator/billing/export?q=" + prefix + "\""),
                                containsString("href=\"/operator\""),
                                containsString("aria-current=\"page\" href=\"/operator/billing\""),
                                containsString("<label for=\"plan\""))));
        mvc.perform(get(PAGES).param("q", prefix).param("plan", "FREE").with(operator()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("1 organizations match"),
                                containsString(free.displayName()),
                                not(containsString(paying.displayName())))));
        mvc.perform(get(PAGES).param("q", prefix).param("size", "1").with(operator()))
                .andExpect(content()
                        .string(containsString("href=\"/operator/billing?q=" + prefix + "&amp;size=1&amp;page=2\"")));
    }

    @Test
    void aBadFilterShowsWhatIsWrongWithIt() throws Exception {
        mvc.perform(get(PAGES).param("status", "LATE").with(operator()))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(allOf(
                                containsString("role=\"alert\""), containsString("&quot;LATE&quot; is not one."))));
    }

    @Test
    void theFormsChangeTheAccountAndTheTrailSaysWho() throws Exception {
        var now = Instant.now();
        var tenant = fleet.account("pages-act", PlanCatalog.ENTERPRISE, "ACTIVE", 30);
        fleet.pastDue(tenant, now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(12)));
        var page = PAGES + "/" + tenant.id();

        mvc.perform(get(page).with(operator()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(tenant.displayName()),
                                containsString("Enterprise (ENTERPRISE)"),
                                containsString("Payment overdue"),
                                containsString("CAD 90.00"),
                                containsString("action=\"/operator/billing/" + tenant.id() + "/comp\""),
                                containsString("name=\"_csrf\""),
                                containsString("<label for=\"grace-days\""))));

        mvc.perform(post(page + "/grace").param("days", "5").with(operator()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/operator/billing/" + tenant.id()))
                .andExpect(flash().attribute("done", "billing.operator.done.extend-grace"));
        assertThat(((java.sql.Timestamp) fleet.row(tenant).get("grace_ends_at")).toInstant())
                .isAfter(now.plus(Duration.ofDays(16)));

        mvc.perform(post(page + "/seat-limit")
                        .param("seatLimit", "60")
                        .with(operator())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(fleet.row(tenant).get("seat_limit")).isEqualTo(60);

        mvc.perform(post(page + "/comp")
                        .param("plan", "GROWTH")
                        .with(operator())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        var row = fleet.row(tenant);
        assertThat(row.get("plan")).isEqualTo("GROWTH");
        assertThat(row.get("comped")).isEqualTo(true);
        assertThat(row.get("status")).isEqualTo("ACTIVE");

        assertThat(fleet.billingAudit(tenant))
                .extracting(entry -> entry.action())
                .containsExactly("billing.comp", "billing.seat-limit", "billing.extend-grace");
        assertThat(fleet.billingAudit(tenant)).allSatisfy(entry -> {
            assertThat(entry.actorId()).isEqualTo(OPERATOR_SUBJECT);
            assertThat(entry.actorName()).contains(OPERATOR_EMAIL);
        });
        mvc.perform(get(page).with(operator()))
                .andExpect(content()
                        .string(allOf(
                                containsString("Comped"),
                                containsString("billing.extend-grace"),
                                containsString(">" + OPERATOR_EMAIL + "</span>"))));
    }

    @Test
    void aRefusedFormSaysWhyKeepsTheInputAndChangesNothing() throws Exception {
        var tenant = fleet.account("pages-refused", PlanCatalog.GROWTH, "ACTIVE", 8);
        var page = PAGES + "/" + tenant.id();
        var before = fleet.row(tenant);

        mvc.perform(post(page + "/grace").param("days", "120").with(operator()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(allOf(
                                containsString("role=\"alert\""),
                                containsString("A grace period is extended by 1 to 90 days, not 120."),
                                containsString("value=\"120\""),
                                containsString("is-invalid"))));
        mvc.perform(post(page + "/grace").param("days", "soon").with(operator()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Give a whole number; &quot;soon&quot; is not one.")));
        mvc.perform(post(page + "/grace").param("days", "7").with(operator()).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("No payment of this organization is overdue")));
        mvc.perform(post(page + "/seat-limit")
                        .param("seatLimit", "40")
                        .with(operator())
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("this one is on Growth")));
        mvc.perform(post(page + "/comp").param("plan", "GOLD").with(operator()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("There is no plan GOLD.")));

        assertThat(fleet.row(tenant)).isEqualTo(before);
        assertThat(fleet.billingAudit(tenant)).isEmpty();
    }

    @Test
    void othersThanOperatorsAreRefusedOnThePlatformSiteAndOnAnOrganizationsHost() throws Exception {
        var tenant = fleet.account("pages-guarded", PlanCatalog.GROWTH, "ACTIVE", 2);
        var admin = people.member(tenant, OrgRole.ORG_ADMIN);
        var before = fleet.row(tenant);

        mvc.perform(get(PAGES).accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        // Signed in, but not as an operator (an org admin has no realm role on the platform site).
        mvc.perform(get(PAGES).with(oidcLogin())).andExpect(status().isForbidden());
        mvc.perform(post(PAGES + "/" + tenant.id() + "/comp")
                        .param("plan", "ENTERPRISE")
                        .with(oidcLogin())
                        .with(csrf()))
                .andExpect(status().isForbidden());
        // The org admin's own session on their organization's host.
        mvc.perform(get("/operator/billing").with(people.session(tenant, admin)).with(onHostOf(tenant)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/operator/billing/" + tenant.id() + "/comp")
                        .param("plan", "ENTERPRISE")
                        .with(people.session(tenant, admin))
                        .with(onHostOf(tenant))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        // The same session brought to the platform site is not taken there.
        mvc.perform(post(PAGES + "/" + tenant.id() + "/comp")
                        .param("plan", "ENTERPRISE")
                        .with(people.session(tenant, admin))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        // An operator's form without its CSRF token is refused too.
        mvc.perform(post(PAGES + "/" + tenant.id() + "/comp")
                        .param("plan", "ENTERPRISE")
                        .with(operator()))
                .andExpect(status().isForbidden());

        assertThat(fleet.row(tenant)).isEqualTo(before);
        assertThat(fleet.billingAudit(tenant)).isEmpty();
    }

    @Test
    void theFleetIsDownloadedAsCsvWithTheSameFilters() throws Exception {
        var prefix = "pages-csv-" + Long.toString(System.nanoTime() % 100_000, 36);
        var enterprise = fleet.account(prefix, PlanCatalog.ENTERPRISE, "ACTIVE", 10);
        fleet.set(enterprise, Map.of("seat_limit", 20));
        var growth = fleet.account(prefix, PlanCatalog.GROWTH, "ACTIVE", 1);

        mvc.perform(get(PAGES + "/export")
                        .param("q", prefix)
                        .param("plan", "ENTERPRISE")
                        .with(operator()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content()
                        .string(allOf(
                                containsString(String.join(",", FleetCsv.HEADER) + "\r\n"),
                                containsString(enterprise.id() + ","
                                        + enterprise.slug().value() + ","
                                        + enterprise.displayName() + ",ACTIVE,ENTERPRISE,Enterprise,ACTIVE,false,false,"
                                        + "10,20,"),
                                containsString(",CAD,30.00\r\n"),
                                not(containsString(growth.slug().value())))));
    }

    @Test
    void anUnknownOrganizationIsAPageThatSaysSo() throws Exception {
        mvc.perform(get(PAGES + "/" + UUID.randomUUID()).with(operator()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("This organization has no billing account.")));
    }

    private RequestPostProcessor onHostOf(Tenant tenant) {
        var host = tenants.hostOf(tenant);
        return request -> {
            request.setServerName(host);
            return request;
        };
    }

    private static RequestPostProcessor operator() {
        return oidcLogin()
                .idToken(token -> token.subject(OPERATOR_SUBJECT).claim("email", OPERATOR_EMAIL))
                .authorities(new SimpleGrantedAuthority("ROLE_PLATFORM_OPERATOR"));
    }
}

package app.tandem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.core.tenant.Tenant;
import app.tandem.core.test.TenantFixtures;
import app.tandem.identity.OrgRole;
import app.tandem.identity.test.MemberFixtures;
import app.tandem.identity.test.MemberFixtures.Account;
import app.tandem.infra.browser.TestBrowser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * An organization reaches its seat limit, in a real browser: the member who enrolls past it is refused with a clear
 * message and nothing changes; the org admin sees the banner on every page and the billing page with its chart.
 */
@AppIntegrationTest
class BillingBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    TenantFixtures tenants;

    @Autowired
    MemberFixtures people;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void aMemberEnrollingPastTheLimitIsRefusedAndTheAdminSeesTheBannerAndTheChart() throws Exception {
        var tenant = tenants.activeTenant("billing-browser");
        jdbc.sql("""
                        update platform.billing_accounts set plan = 'FREE', status = 'ACTIVE', seat_limit = 2
                        where tenant_id = :tenant
                        """).param("tenant", tenant.id().value()).update();
        var site = "http://" + tenants.hostOf(tenant) + ":" + port;
        var admin = people.member(tenant, OrgRole.ORG_ADMIN);
        var programId = openProgram(tenant, people.accessToken(tenant, admin), "Autumn pilot");
        for (int i = 0; i < 2; i++) {
            var member = people.member(tenant, OrgRole.MEMBER);
            mvc.perform(post("/api/v1/programs/" + programId + "/enrollments")
                            .with(people.api(tenant, people.accessToken(tenant, member)))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"role\":\"MENTEE\",\"answers\":{}}"))
                    .andExpect(status().isCreated());
        }
        var late = people.member(tenant, OrgRole.MEMBER);

        try (var lateBrowser = TestBrowser.open();
                var adminBrowser = TestBrowser.open()) {
            signIn(lateBrowser, site, late);
            lateBrowser.go(site + "/programs/" + programId);
            lateBrowser.click(By.xpath("//form[input[@name='role' and @value='MENTEE']]//button[@type='submit']"));
            lateBrowser.waitForText(
                    "Your organization's plan allows 2 program seats and all are taken. Ask an admin to add seats.");
            assertThat(lateBrowser.page()).doesNotContain("You are enrolled as a mentee.");

            signIn(adminBrowser, site, admin);
            adminBrowser.waitForText("All 2 program seats of your organization are in use");
            adminBrowser.click(By.linkText("Plan and seats"));
            adminBrowser.waitUntilUrlStartsWith(site + "/admin/billing");
            assertThat(adminBrowser.page()).contains("Free", "Autumn pilot", "Seats over the last 90 days");
            assertThat(adminBrowser.driver().findElement(By.id("seat-count")).getText())
                    .contains("2", "of 2");
            adminBrowser.waitFor(browser -> (Boolean) ((JavascriptExecutor) browser)
                    .executeScript(
                            "return typeof Chart !== 'undefined' && Chart.getChart('seat-chart') !== undefined"));
        }
    }

    private String openProgram(Tenant tenant, String token, String name) throws Exception {
        var created = mvc.perform(post("/api/v1/programs")
                        .with(people.api(tenant, token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"description\":\"\",\"kind\":\"ONE_TO_ONE\","
                                + "\"matchingMode\":\"BOTH\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var id = json.readTree(created).get("id").asString();
        mvc.perform(post("/api/v1/programs/" + id + "/status")
                        .with(people.api(tenant, token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"ENROLLING\"}"))
                .andExpect(status().isOk());
        return id;
    }

    private static void signIn(TestBrowser browser, String site, Account account) {
        browser.go(site + "/login");
        browser.signInOnKeycloak(account.email(), account.password());
        browser.waitUntilUrlStartsWith(site + "/");
    }
}

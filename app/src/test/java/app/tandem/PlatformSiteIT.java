package app.tandem;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.core.test.TenantFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@AppIntegrationTest
class PlatformSiteIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TenantFixtures fixtures;

    @Test
    void theApexHostSaysWhatTandemIs() throws Exception {
        mvc.perform(get("http://localhost/").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mentoring programs that run themselves")))
                .andExpect(content().string(containsString("associations, schools and companies")));
    }

    @Test
    void aTenantHostShowsItsOwnHomePage() throws Exception {
        var tenant = fixtures.activeTenant("home");

        mvc.perform(get("http://" + fixtures.hostOf(tenant) + "/").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "<h1 class=\"display-6 fw-semibold\">" + tenant.displayName() + "</h1>")))
                .andExpect(content()
                        .string(containsString("Welcome to the mentoring programs of " + tenant.displayName())));
    }

    @Test
    void stylesAndScriptsAreServedFromWebjars() throws Exception {
        mvc.perform(get("http://localhost/webjars/bootstrap/css/bootstrap.min.css"))
                .andExpect(status().isOk());
        mvc.perform(get("http://localhost/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("http://localhost/css/tandem.css")).andExpect(status().isOk());
    }

    @Test
    void prometheusMetricsAreExposedOnTheApexHost() throws Exception {
        fixtures.activeTenant("metered");

        mvc.perform(get("http://localhost/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hikaricp_connections")))
                .andExpect(content().string(containsString("tandem_tenants{status=\"ACTIVE\"}")))
                .andExpect(content().string(containsString("tandem_tenant_schemas{state=\"CURRENT\"}")))
                .andExpect(content().string(containsString("tandem_provisioning_duration_seconds_count")))
                .andExpect(content().string(containsString("tandem_matches_made_total{origin=\"bulk\"}")))
                .andExpect(content().string(containsString("tandem_billing_seats{plan=\"GROWTH\"}")))
                .andExpect(content().string(containsString("tandem_billing_accounts{plan=\"FREE\"}")));
    }

    @Test
    void theApiIsDescribedWithOpenApi() throws Exception {
        mvc.perform(get("http://localhost/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"title\":\"Tandem API\"")))
                .andExpect(content().string(containsString("/api/v1/tenant")))
                .andExpect(content().string(containsString("/api/v1/programs/{id}/questions")))
                .andExpect(content().string(containsString("/api/v1/requests/{id}/accept")))
                .andExpect(content().string(containsString("/api/v1/programs/{id}/match-runs")))
                .andExpect(content().string(containsString("/api/v1/billing/usage")))
                .andExpect(content().string(containsString("/api/v1/billing/checkout")))
                .andExpect(content().string(containsString("/api/v1/billing/invoices")))
                .andExpect(content().string(containsString("/api/v1/operator/billing")));
    }

    @Test
    void healthIsUpAndListsTenantMigrations() throws Exception {
        mvc.perform(get("http://localhost/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"status\":\"UP\"")));
    }
}

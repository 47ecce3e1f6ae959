package app.tandem.core.routing;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.core.tenant.HostName;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.tenant.TenantChanged;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.test.IntegrationTest;
import app.tandem.core.test.TenantFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class TenantRoutingIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TenantFixtures fixtures;

    @Autowired
    TenantRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    RoutingTable routes;

    Tenant tenant;
    Tenant neighbour;

    @BeforeEach
    void tenants() {
        tenant = fixtures.activeTenant("route");
        neighbour = fixtures.activeTenant("neighbour");
    }

    @Test
    void servesATenantOnItsSubdomain() throws Exception {
        mvc.perform(get("http://" + fixtures.hostOf(tenant) + "/api/v1/tenant"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slug").value(tenant.slug().value()))
                .andExpect(jsonPath("$.name").value(tenant.displayName()));
    }

    @Test
    void hostMatchingIgnoresCaseAndATrailingDot() throws Exception {
        var host = fixtures.hostOf(tenant).toUpperCase() + ".";
        mvc.perform(get("http://" + host + "/api/v1/tenant"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slug").value(tenant.slug().value()));
    }

    @Test
    void answersAnUnknownHostWith404PageAndProblem() throws Exception {
        mvc.perform(get("http://nobody-here.localhost/").accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("No organization here")));
        mvc.perform(get("http://nobody-here.localhost/api/v1/tenant"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://tandem.app/problems/unknown-host"))
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("http://www.some-other-site.org/api/v1/tenant")).andExpect(status().isNotFound());
    }

    @Test
    void theApexHostHasNoTenantAndNoTenantEndpoints() throws Exception {
        mvc.perform(get("http://localhost/api/v1/tenant").accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://tandem.app/problems/not-found"));
        mvc.perform(get("http://127.0.0.1/api/v1/tenant")).andExpect(status().isNotFound());
    }

    @Test
    void aSuspendedTenantGetsASuspendedPageAnd403ProblemWhileOthersKeepWorking() throws Exception {
        registry.suspend(tenant.id(), "Unpaid invoices");

        mvc.perform(get("http://" + fixtures.hostOf(tenant) + "/").accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("This organization is suspended")))
                .andExpect(content().string(containsString(tenant.displayName())));
        mvc.perform(get("http://" + fixtures.hostOf(tenant) + "/api/v1/tenant"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://tandem.app/problems/tenant-suspended"));
        mvc.perform(get("http://" + fixtures.hostOf(neighbour) + "/api/v1/tenant"))
                .andExpect(status().isOk());

        registry.reactivate(tenant.id());
        mvc.perform(get("http://" + fixtures.hostOf(tenant) + "/api/v1/tenant")).andExpect(status().isOk());
    }

    @Test
    void aTenantWhoseSchemaIsMigratingOrFailedAnswers503AloneWithRetryAfter() throws Exception {
        setMigrationState(tenant, "MIGRATING");

        mvc.perform(get("http://" + fixtures.hostOf(tenant) + "/api/v1/tenant"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(jsonPath("$.type").value("https://tandem.app/problems/tenant-migrating"));
        mvc.perform(get("http://" + fixtures.hostOf(neighbour) + "/api/v1/tenant"))
                .andExpect(status().isOk());

        setMigrationState(tenant, "FAILED");
        mvc.perform(get("http://" + fixtures.hostOf(tenant) + "/").accept(MediaType.TEXT_HTML))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("Temporarily unavailable")));

        setMigrationState(tenant, "CURRENT");
        mvc.perform(get("http://" + fixtures.hostOf(tenant) + "/api/v1/tenant")).andExpect(status().isOk());
    }

    @Test
    void followsAChangeMadeByAnotherNodeAtTheNextSync() throws Exception {
        var api = "http://" + fixtures.hostOf(tenant) + "/api/v1/tenant";
        mvc.perform(get(api)).andExpect(status().isOk());
        routes.followChangesOfOtherNodes();

        jdbc.sql("update platform.tenants set status = 'SUSPENDED' where id = ?")
                .param(tenant.id().value())
                .update();
        routes.followChangesOfOtherNodes();

        mvc.perform(get(api)).andExpect(status().isForbidden());
        mvc.perform(get("http://" + fixtures.hostOf(neighbour) + "/api/v1/tenant"))
                .andExpect(status().isOk());

        jdbc.sql("update platform.tenants set status = 'ACTIVE' where id = ?")
                .param(tenant.id().value())
                .update();
        routes.followChangesOfOtherNodes();

        mvc.perform(get(api)).andExpect(status().isOk());
    }

    @Test
    void aCustomHostRoutesToItsTenant() throws Exception {
        var custom = "mentoring." + tenant.slug().value() + ".example.org";
        registry.addCustomHost(tenant.id(), HostName.of(custom));

        mvc.perform(get("http://" + custom + "/api/v1/tenant"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(tenant.id().toString()));
    }

    @Test
    void staticAssetsStayReachableForARefusedTenantSoItsPageCanBeStyled() throws Exception {
        registry.suspend(tenant.id(), "Paused by its administrators");

        mvc.perform(get("http://" + fixtures.hostOf(tenant) + "/webjars/missing.css"))
                .andExpect(status().isNotFound());
        mvc.perform(get("http://" + fixtures.hostOf(tenant) + "/api/v1/tenant")).andExpect(status().isForbidden());
    }

    private void setMigrationState(Tenant target, String state) {
        jdbc.sql("update platform.tenant_migrations set state = ? where tenant_id = ?")
                .params(state, target.id().value())
                .update();
        events.publishEvent(new TenantChanged(target.id()));
    }
}

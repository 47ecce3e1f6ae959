package app.tandem.billing.account;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.billing.BillingIntegrationTest;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.test.TenantFixtures;
import app.tandem.identity.OrgRole;
import app.tandem.identity.test.MemberFixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** An organization suspended for an overdue payment: its admins reach billing to pay, everyone else is told why. */
@BillingIntegrationTest
class BillingSuspensionIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TenantFixtures tenants;

    @Autowired
    TenantRegistry registry;

    @Autowired
    MemberFixtures people;

    @Test
    void anAdminReachesTheBillingPageAndApiWhileMembersSeeWhyTheOrganizationIsPaused() throws Exception {
        var tenant = tenants.activeTenant("billing-paused");
        var admin = people.member(tenant, OrgRole.ORG_ADMIN);
        var member = people.member(tenant, OrgRole.MEMBER);
        var adminToken = people.accessToken(tenant, admin);
        var memberToken = people.accessToken(tenant, member);
        registry.suspend(tenant.id(), Dunning.REASON);

        mvc.perform(get("/admin/billing").with(people.session(tenant, admin)).with(onHost(tenant)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Plan and seats")));
        mvc.perform(get("/api/v1/billing").with(people.api(tenant, adminToken)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plan").value("GROWTH"));
        mvc.perform(get("/login").with(onHost(tenant))).andExpect(status().is3xxRedirection());

        mvc.perform(get("/").with(people.session(tenant, member)).with(onHost(tenant)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("paused until a payment is made")))
                .andExpect(content().string(Matchers.containsString("/admin/billing")));
        mvc.perform(get("/programs").with(people.session(tenant, admin)).with(onHost(tenant)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("Nothing is lost")));
        mvc.perform(get("/api/v1/programs").with(people.api(tenant, adminToken)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://tandem.app/problems/tenant-suspended"));
        mvc.perform(get("/admin/billing").with(people.session(tenant, member)).with(onHost(tenant)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/billing").with(people.api(tenant, memberToken)))
                .andExpect(status().isForbidden());
    }

    @Test
    void anOperatorsSuspensionKeepsBillingClosedToo() throws Exception {
        var tenant = tenants.activeTenant("billing-held");
        var admin = people.member(tenant, OrgRole.ORG_ADMIN);
        var adminToken = people.accessToken(tenant, admin);
        registry.suspend(tenant.id(), "Terms of service breached");

        mvc.perform(get("/admin/billing").with(people.session(tenant, admin)).with(onHost(tenant)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("This organization is suspended")));
        mvc.perform(get("/api/v1/billing").with(people.api(tenant, adminToken)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://tandem.app/problems/tenant-suspended"));
    }

    private RequestPostProcessor onHost(Tenant tenant) {
        return request -> {
            request.setServerName(tenants.hostOf(tenant));
            return request;
        };
    }
}

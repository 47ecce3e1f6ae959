package app.tandem.billing.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.billing.BillingFixtures;
import app.tandem.billing.BillingIntegrationTest;
import app.tandem.billing.plan.PlanCatalog;
import app.tandem.core.test.TenantFixtures;
import app.tandem.identity.OrgRole;
import app.tandem.identity.test.MemberFixtures;
import app.tandem.mentoring.matching.Role;
import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** {@code /api/v1/billing} with real tokens: what an org admin reads, and who is refused. */
@BillingIntegrationTest
class BillingApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TenantFixtures tenants;

    @Autowired
    MemberFixtures people;

    @Autowired
    BillingFixtures fixtures;

    @Test
    void anOrgAdminReadsThePlanTheLimitAndTheSeatsPerProgram() throws Exception {
        var tenant = tenants.activeTenant("billing-api");
        fixtures.plan(tenant, PlanCatalog.FREE);
        var program = fixtures.openProgram(tenant);
        for (int i = 0; i < 3; i++) {
            fixtures.enroll(fixtures.person(tenant, OrgRole.MEMBER), program, Role.MENTEE);
        }
        var admin = people.member(tenant, OrgRole.ORG_ADMIN);
        var token = people.accessToken(tenant, admin);

        mvc.perform(get("/api/v1/billing").with(people.api(tenant, token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plan").value("FREE"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.seatLimit").value(10))
                .andExpect(jsonPath("$.openProgramLimit").value(1))
                .andExpect(jsonPath("$.limitPolicy").value("HARD"))
                .andExpect(jsonPath("$.seats").value(3))
                .andExpect(jsonPath("$.percentUsed").value(30))
                .andExpect(jsonPath("$.programs[0].programId").value(program.toString()))
                .andExpect(jsonPath("$.programs[0].seats").value(3))
                .andExpect(jsonPath("$.last90Days.length()").value(90))
                .andExpect(jsonPath("$.last90Days[89].seats").value(3))
                .andExpect(jsonPath("$.paymentsConfigured").value(false));

        var today = LocalDate.now();
        mvc.perform(get("/api/v1/billing/usage")
                        .param("from", today.minusDays(7).toString())
                        .param("to", today.toString())
                        .with(people.api(tenant, token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.peak").value(3))
                .andExpect(jsonPath("$.programs[0].programId").value(program.toString()));

        mvc.perform(get("/api/v1/billing/usage")
                        .param("from", today.toString())
                        .param("to", today.minusDays(1).toString())
                        .with(people.api(tenant, token)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://tandem.app/problems/invalid-period"));
    }

    @Test
    void aNewOrganizationIsOnItsTrialWithoutALimit() throws Exception {
        var tenant = tenants.activeTenant("billing-trial");
        var admin = people.member(tenant, OrgRole.ORG_ADMIN);

        mvc.perform(get("/api/v1/billing").with(people.api(tenant, people.accessToken(tenant, admin))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plan").value("GROWTH"))
                .andExpect(jsonPath("$.status").value("TRIALING"))
                .andExpect(jsonPath("$.trialEndsAt").isNotEmpty())
                .andExpect(jsonPath("$.seatLimit").doesNotExist())
                .andExpect(jsonPath("$.seats").value(0));
    }

    @Test
    void membersCoordinatorsAndOtherOrganizationsAdminsAreRefused() throws Exception {
        var tenant = tenants.activeTenant("billing-own");
        var other = tenants.activeTenant("billing-other");
        var member = people.member(tenant, OrgRole.MEMBER);
        var coordinator = people.member(tenant, OrgRole.COORDINATOR);
        var otherAdmin = people.member(other, OrgRole.ORG_ADMIN);

        mvc.perform(get("/api/v1/billing").with(people.api(tenant, people.accessToken(tenant, member))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/billing").with(people.api(tenant, people.accessToken(tenant, coordinator))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/billing").with(people.api(tenant, people.accessToken(other, otherAdmin))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://tandem.app/problems/token-of-another-organization"));
        mvc.perform(get("/api/v1/billing").with(request -> {
                    request.setServerName(tenants.hostOf(tenant));
                    return request;
                }))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theBillingPageShowsAnAdminOnlyTheirOwnOrganizationAndRefusesEveryoneElse() throws Exception {
        var tenant = tenants.activeTenant("billing-page");
        var other = tenants.activeTenant("billing-page-other");
        fixtures.plan(tenant, PlanCatalog.FREE);
        fixtures.plan(other, PlanCatalog.FREE);
        var program = fixtures.openProgram(tenant);
        fixtures.enroll(fixtures.person(tenant, OrgRole.MEMBER), program, Role.MENTEE);
        var otherProgram = fixtures.openProgram(other);
        for (int i = 0; i < 7; i++) {
            fixtures.enroll(fixtures.person(other, OrgRole.MEMBER), otherProgram, Role.MENTEE);
        }
        var admin = people.member(tenant, OrgRole.ORG_ADMIN);
        var member = people.member(tenant, OrgRole.MEMBER);
        var otherAdmin = people.member(other, OrgRole.ORG_ADMIN);

        mvc.perform(get("/admin/billing").with(people.session(tenant, admin)).with(onHost(tenant)))
                .andExpect(status().isOk())
                .andExpect(content().string(seatCount(1)));
        mvc.perform(get("/admin/billing")
                        .with(people.session(other, otherAdmin))
                        .with(onHost(other)))
                .andExpect(status().isOk())
                .andExpect(content().string(seatCount(7)));

        mvc.perform(get("/admin/billing").with(people.session(tenant, member)).with(onHost(tenant)))
                .andExpect(status().isForbidden());
        // A session bound to another organization does not sign in here: it is sent to sign in again.
        mvc.perform(get("/admin/billing")
                        .with(people.session(other, otherAdmin))
                        .with(onHost(tenant)))
                .andExpect(status().is3xxRedirection())
                .andExpect(content().string(Matchers.not(seatCount(1))));
    }

    private static org.hamcrest.Matcher<String> seatCount(int seats) {
        return Matchers.matchesPattern("(?s).*id=\"seat-count\">\\s*<span>" + seats + "</span>.*");
    }

    private RequestPostProcessor onHost(app.tandem.core.tenant.Tenant tenant) {
        return request -> {
            request.setServerName(tenants.hostOf(tenant));
            return request;
        };
    }
}

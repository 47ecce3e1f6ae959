package app.tandem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.core.context.TenantScope;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.tenant.TenantSlug;
import app.tandem.core.tenant.TenantStatus;
import app.tandem.demo.DemoData;
import app.tandem.identity.IdentityDirectory;
import app.tandem.identity.OrgRole;
import app.tandem.identity.member.Member;
import app.tandem.identity.member.Members;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

@AppIntegrationTest
class DemoDataIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TenantRegistry registry;

    @Autowired
    DemoData demoData;

    @Autowired
    IdentityDirectory directory;

    @Autowired
    Members members;

    @Test
    void localRunsGetAnActiveDemoTenantOnce() throws Exception {
        var demo = registry.findBySlug("demo").orElseThrow();
        assertThat(demo.status()).isEqualTo(TenantStatus.ACTIVE);

        demoData.run(null);

        assertThat(registry.findBySlug("demo").orElseThrow().id()).isEqualTo(demo.id());
        mvc.perform(get("http://demo.localhost/").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Demo Mentoring Association")));
    }

    @Test
    void theDemoAccountsAreMembersWithTheirRolesAndTheOperatorBelongsToNoOrganization() {
        var demo = registry.findBySlug("demo").orElseThrow();
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("test", "", "ROLE_ORG_ADMIN"));
        try {
            var seeded = TenantScope.get(demo.id(), members::list);
            assertThat(seeded)
                    .extracting(Member::email, Member::role)
                    .contains(
                            tuple("ada@demo.localhost", OrgRole.ORG_ADMIN),
                            tuple("maya@demo.localhost", OrgRole.MEMBER),
                            tuple("milo@demo.localhost", OrgRole.MEMBER));
            assertThat(seeded).extracting(Member::email).doesNotContain("olga@tandem.localhost");
        } finally {
            SecurityContextHolder.clearContext();
        }
        for (var account : DemoData.ACCOUNTS) {
            var user = directory.findOrCreateUser(account.email(), account.firstName(), account.lastName());
            assertThat(directory.isMember(TenantSlug.of("demo"), user))
                    .as(account.email())
                    .isEqualTo(account.role() != null);
        }
    }
}

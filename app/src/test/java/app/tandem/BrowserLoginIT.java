package app.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import app.tandem.core.context.TenantScope;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.test.TenantFixtures;
import app.tandem.demo.DemoData;
import app.tandem.identity.OrgRole;
import app.tandem.identity.member.Members;
import app.tandem.identity.test.MemberFixtures;
import app.tandem.infra.browser.TestBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Sign-in in a real browser (Chromium) through the real Keycloak, on the demo tenant of a local run: sessions good only
 * for their own tenant, refusals as pages that say what to do, RP-initiated logout, the operator area.
 */
@AppIntegrationTest
class BrowserLoginIT {

    @LocalServerPort
    int port;

    @Autowired
    TenantRegistry registry;

    @Autowired
    TenantFixtures tenants;

    @Autowired
    MemberFixtures people;

    @Autowired
    Members members;

    TestBrowser browser;

    @BeforeEach
    void openBrowser() {
        browser = TestBrowser.open();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void theDemoAdminSignsInOnTheDemoTenantAndSignsOutBackToItsHome() {
        browser.go(demo("/"));
        browser.click(By.linkText("Sign in"));
        browser.signInOnKeycloak("ada@demo.localhost", DemoData.PASSWORD);

        browser.waitUntilUrlStartsWith(demo("/"));
        assertThat(browser.page()).contains("Signed in as Ada Admin (org admin).", "Sign out");

        browser.click(By.xpath("//button[normalize-space()='Sign out']"));

        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.linkText("Sign in")));
        assertThat(browser.currentUrl()).startsWith(demo("/"));
        assertThat(browser.page()).doesNotContain("Signed in as");
        // Keycloak's session ended too: signing in again asks for the password.
        browser.click(By.linkText("Sign in"));
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    }

    @Test
    void theSameUserIsRefusedOnAnotherTenantsHostWithAPageThatSaysWhy() {
        var other = tenants.activeTenant("other");
        browser.go(demo("/login"));
        browser.signInOnKeycloak("maya@demo.localhost", DemoData.PASSWORD);
        browser.waitUntilUrlStartsWith(demo("/"));

        // Keycloak knows maya, but not as a member of the organization asked for: it asks for her password again
        // (her name is filled in), then lets her through with a token that names no membership of it.
        browser.go(tenant(other, "/login"));
        browser.signInOnKeycloak("maya@demo.localhost", DemoData.PASSWORD);

        browser.waitUntilUrlStartsWith(tenant(other, "/login/refused"));
        assertThat(browser.page())
                .contains("Not a member of " + other.displayName())
                .contains("Sign in with another account")
                .doesNotContain("Exception");
        // The demo session is untouched by it.
        browser.go(demo("/"));
        assertThat(browser.page()).contains("Signed in as Maya Mentor");
    }

    @Test
    void aDeactivatedMemberIsRefusedAtSignInAndTheirOpenSessionEnds() {
        var demo = registry.findBySlug(DemoData.DEMO_SLUG).orElseThrow();
        var person = people.member(demo, OrgRole.MEMBER);
        browser.go(demo("/login"));
        browser.signInOnKeycloak(person.email(), person.password());
        browser.waitUntilUrlStartsWith(demo("/"));
        assertThat(browser.page()).contains("Signed in as " + person.displayName());

        asOrgAdmin(demo, () -> members.deactivate(person.memberId()));

        browser.go(demo("/"));
        assertThat(browser.page()).contains("Membership deactivated").doesNotContain("Signed in as");
        browser.go(demo("/login"));
        browser.waitUntilUrlStartsWith(demo("/login/refused"));
        assertThat(browser.page()).contains("Membership deactivated", "reactivate");
    }

    @Test
    void theOperatorSignsInOnThePlatformSiteAndSeesEveryOrganization() {
        browser.go(apex("/operator"));
        browser.signInOnKeycloak("olga@tandem.localhost", DemoData.PASSWORD);

        browser.waitUntilUrlStartsWith(apex("/operator"));
        assertThat(browser.page()).contains("Operator console", "Demo Mentoring Association", "Olga Operator");
    }

    @Test
    void aMemberCannotEnterTheOperatorArea() {
        browser.go(apex("/operator"));
        browser.signInOnKeycloak("milo@demo.localhost", DemoData.PASSWORD);

        browser.waitUntilUrlStartsWith(apex("/login/refused"));
        assertThat(browser.page()).contains("For platform operators only").doesNotContain("Operator console");
    }

    private void asOrgAdmin(Tenant tenant, Runnable work) {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("test", "", OrgRole.ORG_ADMIN.authority()));
        try {
            TenantScope.run(tenant.id(), work);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private String demo(String path) {
        return "http://demo.localhost:" + port + path;
    }

    private String tenant(Tenant tenant, String path) {
        return "http://" + tenants.hostOf(tenant) + ":" + port + path;
    }

    private String apex(String path) {
        return "http://localhost:" + port + path;
    }
}

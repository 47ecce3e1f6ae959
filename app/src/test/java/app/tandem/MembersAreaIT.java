package app.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import app.tandem.core.tenant.Tenant;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.test.TenantFixtures;
import app.tandem.demo.DemoData;
import app.tandem.identity.OrgRole;
import app.tandem.identity.test.MemberFixtures;
import app.tandem.infra.browser.TestBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The members area in a real browser: org admins change roles and deactivate; the audit log says who did it. */
@AppIntegrationTest
class MembersAreaIT {

    @LocalServerPort
    int port;

    @Autowired
    TenantRegistry registry;

    @Autowired
    MemberFixtures people;

    @Autowired
    TenantFixtures tenants;

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
    void anOrgAdminChangesARoleDeactivatesAndReactivatesAndTheAuditLogShowsIt() {
        var demo = registry.findBySlug(DemoData.DEMO_SLUG).orElseThrow();
        var person = people.member(demo, OrgRole.MEMBER);
        signIn("ada@demo.localhost", DemoData.PASSWORD);

        browser.go(demo("/admin/members?q=" + person.email()));
        assertThat(browser.page()).contains(person.displayName(), person.email(), "1 members match.");
        new Select(browser.driver().findElement(By.id("role-" + person.memberId()))).selectByValue("COORDINATOR");
        browser.click(By.xpath("//form[contains(@action,'" + person.memberId() + "/role')]//button"));
        browser.waitForText(person.displayName() + " is now coordinator.");

        browser.go(demo("/admin/members?q=" + person.email()));
        browser.click(By.xpath("//form[contains(@action,'" + person.memberId() + "/deactivation')]//button"));
        browser.waitForText(person.displayName() + " is deactivated");
        browser.go(demo("/admin/members?status=DEACTIVATED"));
        assertThat(browser.page()).contains(person.email());
        browser.click(By.xpath("//form[contains(@action,'" + person.memberId() + "/reactivation')]//button"));
        browser.waitForText(person.displayName() + " is active again.");

        browser.go(demo("/admin/audit"));
        assertThat(browser.page())
                .contains("member.role-changed", "MEMBER → COORDINATOR", "member.deactivated", "member.reactivated")
                .contains("Ada Admin", person.email());
    }

    @Test
    void theLastOrgAdminCannotDemoteThemselvesAndIsToldWhy() {
        // An organization of its own: the demo tenant's admins change as other tests add some.
        var lone = tenants.activeTenant("lone");
        var admin = people.member(lone, OrgRole.ORG_ADMIN);
        signIn(lone, admin.email(), admin.password());

        browser.go(at(lone, "/admin/members"));
        new Select(browser.driver().findElement(By.id("role-" + admin.memberId()))).selectByValue("MEMBER");
        browser.click(By.xpath("//form[contains(@action,'" + admin.memberId() + "/role')]//button"));

        browser.waitForText("last active org admin");
        browser.go(at(lone, "/"));
        assertThat(browser.page()).contains("(org admin)");
    }

    @Test
    void aMemberMayNotOpenTheMembersArea() {
        signIn("maya@demo.localhost", DemoData.PASSWORD);

        browser.go(demo("/admin/members"));

        assertThat(browser.page()).contains("Not allowed").doesNotContain("members match");
    }

    private void signIn(String email, String password) {
        signIn(registry.findBySlug(DemoData.DEMO_SLUG).orElseThrow(), email, password);
    }

    private void signIn(Tenant tenant, String email, String password) {
        browser.go(at(tenant, "/login"));
        browser.signInOnKeycloak(email, password);
        browser.waitUntilUrlStartsWith(at(tenant, "/"));
    }

    private String demo(String path) {
        return "http://demo.localhost:" + port + path;
    }

    private String at(Tenant tenant, String path) {
        return "http://" + tenants.hostOf(tenant) + ":" + port + path;
    }
}

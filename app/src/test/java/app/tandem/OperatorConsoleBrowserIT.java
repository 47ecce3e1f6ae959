package app.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.tenant.TenantStatus;
import app.tandem.core.test.TenantFixtures;
import app.tandem.demo.DemoData;
import app.tandem.infra.browser.TestBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operator console in a real browser with a real operator session: the layout around it, its forms with their
 * CSRF tokens, and the audit naming the operator who signed in.
 */
@AppIntegrationTest
class OperatorConsoleBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    TenantFixtures tenants;

    @Autowired
    TenantRegistry registry;

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
    void theOperatorFindsAnOrganizationSuspendsItAndSeesTheAuditEntry() {
        var tenant = tenants.activeTenant("browsed");
        browser.go(apex("/operator"));
        browser.signInOnKeycloak("olga@tandem.localhost", DemoData.PASSWORD);
        browser.waitUntilUrlStartsWith(apex("/operator"));

        browser.fill(By.id("q"), tenant.slug().value());
        browser.click(By.xpath("//button[normalize-space()='Show']"));
        browser.waitUntilUrlStartsWith(apex("/operator?q=" + tenant.slug().value()));
        browser.click(By.linkText(tenant.displayName()));
        browser.waitUntilUrlStartsWith(apex("/operator/tenants/" + tenant.id()));

        browser.fill(By.id("suspend-reason"), "Checked by the browser test");
        browser.click(By.xpath("//button[normalize-space()='Suspend']"));

        browser.waitFor(driver -> driver.getPageSource().contains("The organization is suspended."));
        assertThat(registry.require(tenant.id()).status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(browser.page())
                .contains("Checked by the browser test", "tenant.suspended", "olga@tandem.localhost", "Olga Operator");
    }

    private String apex(String path) {
        return "http://localhost:" + port + path;
    }
}

package app.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.tenant.TenantStatus;
import app.tandem.core.test.TenantFixtures;
import app.tandem.infra.browser.TestBrowser;
import app.tandem.infra.mail.TestMailbox;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole self-service sign-up in a real browser, as a person does it: from the landing page through the form (its
 * address checked as it is typed) and the progress page, to the email Keycloak sends, the password chosen on
 * Keycloak's pages and the new organization's home, signed in as its org admin.
 */
@AppIntegrationTest
class SignUpBrowserIT {

    private static final String PASSWORD = "first-admin-password-1";

    @LocalServerPort
    int port;

    @Autowired
    TenantRegistry registry;

    TestBrowser browser;

    @BeforeEach
    void open() {
        browser = TestBrowser.open();
    }

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void aPersonSignsUpTheirOrganizationSetsAPasswordFromTheEmailAndLandsSignedInOnIt() throws Exception {
        var slug = TenantFixtures.uniqueSlug("browser");
        var email = "fatima-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

        browser.go(apex("/"));
        browser.click(By.id("start-organization"));
        browser.waitUntilUrlStartsWith(apex("/signup"));
        browser.fill(By.id("organizationName"), "Riverside Mentors");
        browser.click(By.id("kind-ASSOCIATION"));
        browser.fill(By.id("slug"), slug);
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.id("slug-check"), slug + ".localhost:" + port + " is available."));
        browser.fill(By.id("firstName"), "Fatima");
        browser.fill(By.id("lastName"), "Founder");
        browser.fill(By.id("email"), email);
        clickBelowTheFold(By.id("acceptTerms"));
        clickBelowTheFold(By.xpath("//button[normalize-space()='Create my organization']"));

        browser.waitUntilUrlStartsWith(apex("/signup/"));
        assertThat(browser.page()).contains("Setting up Riverside Mentors");
        // htmx brings the progress in without reloading the page, until the organization is ready.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("go-to-organization")));
        assertThat(browser.page()).contains("Riverside Mentors is ready.").doesNotContain(email);
        assertThat(registry.findBySlug(slug).orElseThrow().status()).isEqualTo(TenantStatus.ACTIVE);

        // Keycloak's email to the first admin, in the JVM's test mailbox.
        var mail = TestMailbox.get().awaitMessageTo(email);
        browser.go(mail.links().stream()
                .filter(link -> link.contains("action-token"))
                .findFirst()
                .orElseThrow());

        // Keycloak asks to confirm the actions of a link opened in a fresh browser, then for the new password.
        browser.click(By.partialLinkText("Click here to proceed"));
        browser.fill(By.id("password-new"), PASSWORD);
        browser.fill(By.id("password-confirm"), PASSWORD);
        browser.click(By.cssSelector("form [type=submit]"));
        // "Your account has been updated", with the way back to the organization's sign-in.
        browser.click(By.partialLinkText("Back to Application"));
        browser.waitFor(
                (ExpectedCondition<Boolean>) driver -> driver.getCurrentUrl().startsWith(tenant(slug, "/"))
                        || !driver.findElements(By.id("username")).isEmpty());
        if (!browser.currentUrl().startsWith(tenant(slug, "/"))) {
            browser.signInOnKeycloak(email, PASSWORD);
        }
        browser.waitUntilUrlStartsWith(tenant(slug, "/"));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("main"), "Signed in as Fatima Founder (org admin)."));
        assertThat(browser.page()).contains("Riverside Mentors");
    }

    /**
     * Bootstrap scrolls smoothly, so an element Selenium scrolls to is still moving when it clicks; it is brought into
     * view at once first.
     */
    private void clickBelowTheFold(By target) {
        var element = browser.waitFor(ExpectedConditions.presenceOfElementLocated(target));
        ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        browser.click(target);
    }

    private String apex(String path) {
        return "http://localhost:" + port + path;
    }

    private String tenant(String slug, String path) {
        return "http://" + slug + ".localhost:" + port + path;
    }
}

package app.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import app.tandem.core.test.TenantFixtures;
import app.tandem.identity.OrgRole;
import app.tandem.identity.test.MemberFixtures;
import app.tandem.identity.test.MemberFixtures.Account;
import app.tandem.infra.browser.TestBrowser;
import app.tandem.infra.mail.TestMailbox;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The heart of the product in a real browser, on a new organization: an org admin sets up a program with paired
 * questions and opens it; a mentor and a mentee enroll by answering them; the mentee sees the mentor suggested with the
 * reason and asks; the mentor gets the email, accepts in the requests inbox; the mentee gets the answer; the match
 * shows on the admin's match board.
 */
@AppIntegrationTest
class MentoringBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    TenantFixtures tenants;

    @Autowired
    MemberFixtures people;

    @Test
    void anAdminSetsUpAProgramAMentorAndAMenteeEnrollTheMenteeAsksAndTheMentorAccepts() {
        var tenant = tenants.activeTenant("mentoring-browser");
        var site = "http://" + tenants.hostOf(tenant) + ":" + port;
        var admin = people.member(tenant, OrgRole.ORG_ADMIN);
        var mentor = people.member(tenant, OrgRole.MEMBER);
        var mentee = people.member(tenant, OrgRole.MEMBER);

        try (var adminBrowser = TestBrowser.open();
                var mentorBrowser = TestBrowser.open();
                var menteeBrowser = TestBrowser.open()) {
            signIn(adminBrowser, site, admin);
            adminBrowser.click(By.xpath("//nav//a[normalize-space()='Manage programs']"));
            adminBrowser.click(By.linkText("New program"));
            adminBrowser.fill(By.id("name"), "Spring pilot");
            adminBrowser.fill(By.id("description"), "Six months of one-to-one mentoring.");
            new Select(adminBrowser.driver().findElement(By.id("matchingMode"))).selectByValue("BOTH");
            adminBrowser.fill(By.id("defaultMentorCapacity"), "2");
            adminBrowser.click(By.xpath("//button[normalize-space()='Create program']"));
            adminBrowser.waitUntilUrlStartsWith(site + "/admin/programs/");
            var programId = adminBrowser
                    .currentUrl()
                    .substring((site + "/admin/programs/").length())
                    .replaceAll("[#?].*$", "");

            addQuestion(adminBrowser, "MENTOR", "Which topics can you mentor on?", null);
            addQuestion(
                    adminBrowser, "MENTEE", "Which topics do you want to learn?", "Which topics can you mentor on?");
            adminBrowser.click(By.xpath("//button[normalize-space()='Open for enrollment']"));
            adminBrowser.waitForText("Start running");

            signIn(mentorBrowser, site, mentor);
            // Members find programs in the navigation bar; the set-up is for coordinators only.
            assertThat(mentorBrowser.driver().findElements(By.linkText("Manage programs")))
                    .isEmpty();
            mentorBrowser.click(By.xpath("//nav//a[normalize-space()='Programs']"));
            mentorBrowser.click(By.linkText("Spring pilot"));
            enroll(mentorBrowser, "MENTOR", "Java", "Go");
            mentorBrowser.waitForText("You are enrolled as a mentor.");

            signIn(menteeBrowser, site, mentee);
            menteeBrowser.go(site + "/programs/" + programId);
            enroll(menteeBrowser, "MENTEE", "Java");
            menteeBrowser.waitForText("You are enrolled as a mentee.");
            menteeBrowser.go(site + "/programs/" + programId + "/suggestions");
            assertThat(menteeBrowser.page()).contains(mentor.displayName(), "You both chose Java");
            menteeBrowser.fill(By.name("message"), "Could you help me get started with Java?");
            menteeBrowser.click(
                    By.xpath("//button[normalize-space()='Ask " + mentor.displayName() + " to mentor you']"));
            menteeBrowser.waitForText("Your request went to " + mentor.displayName());

            var asked = TestMailbox.get().awaitMessageTo(mentor.email());
            assertThat(asked.subject()).contains(mentee.displayName(), "Spring pilot");
            assertThat(asked.text()).contains("Could you help me get started with Java?");

            mentorBrowser.go(site + "/requests");
            assertThat(mentorBrowser.page()).contains(mentee.displayName(), "Could you help me get started with Java?");
            mentorBrowser.fill(By.name("note"), "Happy to. Let us meet next week.");
            mentorBrowser.click(By.xpath("//button[normalize-space()='Accept']"));
            mentorBrowser.waitForText("You are now " + mentee.displayName() + "'s mentor");

            var answer = TestMailbox.get().awaitMessageTo(mentee.email());
            assertThat(answer.subject()).isEqualTo(mentor.displayName() + " is your mentor in Spring pilot");
            assertThat(answer.text()).contains("Happy to. Let us meet next week.");

            adminBrowser.go(site + "/admin/programs/" + programId + "/matching");
            assertThat(adminBrowser.page()).contains(mentor.displayName(), mentee.displayName());
        }
    }

    private static void signIn(TestBrowser browser, String site, Account account) {
        browser.go(site + "/login");
        browser.signInOnKeycloak(account.email(), account.password());
        browser.waitUntilUrlStartsWith(site + "/");
    }

    /** Adds a required multiple-choice question on topics, very important for matching, paired when asked. */
    private static void addQuestion(TestBrowser browser, String role, String label, String pairedWith) {
        browser.click(By.xpath("//summary[normalize-space()='Add a question']"));
        new Select(browser.driver().findElement(By.id("new-role"))).selectByValue(role);
        new Select(browser.driver().findElement(By.id("new-kind"))).selectByValue("MULTI_CHOICE");
        browser.fill(By.id("new-label"), label);
        browser.fill(By.id("new-options"), "Java\nGo\nRust");
        new Select(browser.driver().findElement(By.id("new-importance"))).selectByValue("VERY");
        if (pairedWith != null) {
            var pairing = new Select(browser.driver().findElement(By.id("new-pairedQuestionId")));
            pairing.getOptions().stream()
                    .filter(option -> option.getText().startsWith(pairedWith))
                    .findFirst()
                    .orElseThrow()
                    .click();
        }
        browser.click(By.xpath("//form//button[normalize-space()='Add a question']"));
        browser.waitForText(label);
    }

    /** Ticks the given topics in the enrollment form of {@code role} and sends it. */
    private static void enroll(TestBrowser browser, String role, String... topics) {
        var form = "//form[input[@name='role' and @value='" + role + "']]";
        for (var topic : topics) {
            browser.click(By.xpath(form + "//input[@type='checkbox' and @value='" + topic + "']"));
        }
        browser.click(By.xpath(form + "//button[@type='submit']"));
    }
}

package app.tandem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.core.test.TenantFixtures;
import app.tandem.infra.mail.TestMailbox;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The sign-up pages as a browser without JavaScript gets them (the browser test drives them with it): the landing
 * page's call to action, the form with a message next to each field, the live address check, the progress page that
 * reloads itself until the organization is ready, and the page a client over its limit sees.
 */
@AppIntegrationTest
class SignUpPagesIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final AtomicInteger clients = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    String client;

    @BeforeEach
    void ownClientAddress() {
        client = "192.0.2." + clients.incrementAndGet();
    }

    @Test
    void theLandingPageInvitesOrganizationsToSignUp() throws Exception {
        mvc.perform(get("http://localhost/"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/signup\"")))
                .andExpect(content().string(containsString("Start your organization")));
        mvc.perform(get("http://localhost/signup"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1 class=\"h3\">Start your organization on Tandem</h1>")))
                .andExpect(content().string(containsString("<label for=\"organizationName\"")))
                .andExpect(content().string(containsString("<label for=\"slug\"")))
                .andExpect(content().string(containsString("<label for=\"email\"")))
                .andExpect(content().string(containsString("<legend class=\"form-label fs-6\">Kind of organization")))
                .andExpect(content().string(containsString("hx-get=\"/signup/address\"")));
    }

    @Test
    void eachBadFieldGetsItsMessageNextToItAndNothingIsCreated() throws Exception {
        var before = counts();
        var form = new LinkedHashMap<String, String>();
        form.put("organizationName", "");
        form.put("slug", "-acme");
        form.put("firstName", "Ada");
        form.put("lastName", "");
        form.put("email", "ada@nowhere");

        var page = submit(form)
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(fieldError(page, "organizationName")).isEqualTo("Enter the name of your organization.");
        assertThat(fieldError(page, "kind"))
                .isEqualTo("Choose whether the organization is an association, a school or a company.");
        assertThat(page).contains("The address cannot start or end with a hyphen.");
        assertThat(fieldError(page, "firstName")).isEmpty();
        assertThat(fieldError(page, "lastName")).isEqualTo("Enter your last name.");
        assertThat(fieldError(page, "email"))
                .isEqualTo("\u201cada@nowhere\u201d is not an email address; it should look like name@example.org.");
        assertThat(fieldError(page, "acceptTerms")).isEqualTo("Accept the terms of use to create the organization.");
        assertThat(page)
                .as("what was typed stays")
                .contains("value=\"Ada\"", "value=\"-acme\"", "value=\"ada@nowhere\"")
                .contains("aria-invalid=\"true\"")
                .contains("<a href=\"#lastName\">Enter your last name.</a>");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void theAddressIsCheckedAsItIsTyped() throws Exception {
        check("demo").andExpect(content().string(containsString("This address is taken: demo.localhost")));
        check("signup").andExpect(content().string(containsString("is reserved by the platform")));
        check("Acme").andExpect(content().string(containsString("The address must be in lowercase letters")));
        check("caf\u00e9").andExpect(content().string(containsString("accented or look-alike letter")));
        var free = TenantFixtures.uniqueSlug("free");
        check(free)
                .andExpect(content().string(containsString(free + ".localhost:")))
                .andExpect(content().string(containsString("is available.")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void theProgressPageFollowsTheSetUpAndThenLinksToTheOrganization() throws Exception {
        var slug = TenantFixtures.uniqueSlug("pages");
        var email = "pat-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

        var location = submit(valid(slug, email))
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("/signup/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var progress = "http://localhost" + location;

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> mvc.perform(get(progress + "/status"))
                                .andReturn()
                                .getResponse()
                                .getStatus()
                        == 286);
        mvc.perform(get(progress + "/status"))
                .andExpect(content().string(containsString("Organization " + slug + " is ready.")))
                .andExpect(content().string(matchesPattern("(?s).*href=\"http://" + slug + "\\.localhost:\\d+\".*")));
        mvc.perform(get(progress))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1 class=\"h3\">Setting up Organization " + slug)))
                .andExpect(content().string(containsString("id=\"go-to-organization\"")))
                .andExpect(content().string(containsString("Inviting you as its first admin")))
                .andExpect(content().string(not(containsString("hx-trigger"))))
                .andExpect(content().string(not(containsString("http-equiv=\"refresh\""))))
                .andExpect(content().string(not(containsString(email))));
        // Keycloak's email to the first admin, in the JVM's test mailbox.
        TestMailbox.get().awaitMessageTo(email);

        // While it was moving, the page polled and, without JavaScript, reloaded itself.
        var stillMoving = submit(valid(TenantFixtures.uniqueSlug("moving"), email))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var page = mvc.perform(get("http://localhost" + stillMoving))
                .andReturn()
                .getResponse()
                .getContentAsString();
        if (page.contains("stage-SETTING_UP")) {
            assertThat(page)
                    .contains("hx-trigger=\"every 1s\"")
                    .contains("<noscript><meta http-equiv=\"refresh\" content=\"2\"></noscript>");
        }
    }

    @Test
    void unknownSignUpsAndOtherHostsShowNothing() throws Exception {
        mvc.perform(get("http://localhost/signup/" + UUID.randomUUID())).andExpect(status().isNotFound());
        mvc.perform(get("http://localhost/signup/not-an-id")).andExpect(status().isNotFound());
        mvc.perform(get("http://demo.localhost/signup")).andExpect(status().isNotFound());
        mvc.perform(get("http://demo.localhost/signup/address?slug=anything")).andExpect(status().isNotFound());
    }

    @Test
    void aClientOverItsLimitIsToldWhenToComeBack() throws Exception {
        var email = "max-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        for (int i = 0; i < 5; i++) {
            submit(valid(TenantFixtures.uniqueSlug("many"), email)).andExpect(status().isFound());
        }
        var before = counts();

        submit(valid(TenantFixtures.uniqueSlug("many"), email))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(containsString("Too many sign-ups from your network")))
                .andExpect(content().string(containsString("Please try again in 60 minutes.")));

        assertThat(counts()).isEqualTo(before);
        await().atMost(Duration.ofSeconds(120))
                .until(() -> jdbc.sql("select count(*) from platform.provisioning_jobs where status = 'RUNNING'")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    /** Posts the form as a browser does: with the session and CSRF token the form page gave it. */
    private ResultActions submit(Map<String, String> fields) throws Exception {
        var session = new MockHttpSession();
        var formPage = mvc.perform(get("http://localhost/signup").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var token = CSRF.matcher(formPage);
        assertThat(token.find()).as("the form carries a CSRF token").isTrue();
        var request = post("http://localhost/signup")
                .session(session)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("_csrf", token.group(1))
                .with(it -> {
                    it.setRemoteAddr(client);
                    return it;
                });
        fields.forEach(request::param);
        return mvc.perform(request);
    }

    private ResultActions check(String slug) throws Exception {
        return mvc.perform(get("http://localhost/signup/address")
                        .param("slug", slug)
                        .header("HX-Request", "true"))
                .andExpect(status().isOk());
    }

    private static Map<String, String> valid(String slug, String email) {
        var form = new LinkedHashMap<String, String>();
        form.put("organizationName", "Organization " + slug);
        form.put("kind", "ASSOCIATION");
        form.put("slug", slug);
        form.put("firstName", "Pat");
        form.put("lastName", "Pioneer");
        form.put("email", email);
        form.put("acceptTerms", "true");
        return form;
    }

    /** The text of the message element of a field, {@code <field>-error}. */
    private static String fieldError(String page, String field) {
        var matcher =
                Pattern.compile("id=\"" + field + "-error\"[^>]*>([^<]*)</div>").matcher(page);
        assertThat(matcher.find())
                .as("the page has a message element for " + field)
                .isTrue();
        return matcher.group(1).strip().replace("&quot;", "\"");
    }

    private List<Long> counts() {
        return List.of(
                jdbc.sql("select count(*) from platform.tenants")
                        .query(Long.class)
                        .single(),
                jdbc.sql("select count(*) from platform.provisioning_jobs")
                        .query(Long.class)
                        .single(),
                jdbc.sql("select count(*) from platform.signups")
                        .query(Long.class)
                        .single());
    }
}

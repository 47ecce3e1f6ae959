package app.tandem.tenantadmin.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.core.provisioning.JobStatus;
import app.tandem.core.provisioning.ProvisionTenant;
import app.tandem.core.provisioning.TenantProvisioning;
import app.tandem.core.tenant.TenantKind;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.tenant.TenantStatus;
import app.tandem.core.test.FlakyProvisioningStep;
import app.tandem.core.test.TenantFixtures;
import app.tandem.identity.OrgRole;
import app.tandem.identity.test.MemberFixtures;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The console's pages on the platform site. The sign-in itself is covered by the browser tests of the application;
 * here the operator's session is made up ({@code oidcLogin()}), and the pages, forms and refusals are the point.
 */
@OperatorConsoleTest
class OperatorConsolePagesIT {

    private static final String CONSOLE = "http://localhost/operator";
    private static final String OPERATOR_EMAIL = "olga-pages@example.org";

    @Autowired
    MockMvc mvc;

    @Autowired
    TenantFixtures tenants;

    @Autowired
    MemberFixtures people;

    @Autowired
    TenantRegistry registry;

    @Autowired
    TenantProvisioning provisioning;

    @Autowired
    FlakyProvisioningStep flaky;

    @Test
    void visitorsAreSentToSignInAndOthersThanOperatorsAreRefused() throws Exception {
        var tenant = tenants.activeTenant("pages-guarded");

        mvc.perform(get(CONSOLE).accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get(CONSOLE).with(oidcLogin()).accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
        mvc.perform(post(CONSOLE + "/tenants/" + tenant.id() + "/suspend")
                        .param("reason", "no")
                        .with(oidcLogin())
                        .with(csrf()))
                .andExpect(status().isForbidden());
        // An operator's form without its CSRF token is refused too.
        mvc.perform(post(CONSOLE + "/tenants/" + tenant.id() + "/suspend")
                        .param("reason", "forged")
                        .with(operator()))
                .andExpect(status().isForbidden());
        assertThat(registry.require(tenant.id()).status()).isEqualTo(TenantStatus.ACTIVE);
    }

    @Test
    void theListShowsOrganizationsAndFiltersThem() throws Exception {
        var prefix = "pages-list-" + Long.toString(System.nanoTime() % 100_000, 36);
        var first = tenants.activeTenant(prefix);
        var second = tenants.activeTenant(prefix);
        registry.suspend(second.id(), "Checking");

        mvc.perform(get(CONSOLE).param("q", prefix).with(operator()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Operator console"),
                                containsString(first.displayName()),
                                containsString(second.displayName()),
                                containsString("2 organizations match; page 1 of 1."),
                                containsString("<label for=\"q\""),
                                containsString("href=\"/operator/billing\""),
                                containsString("href=\"/operator/tenants/" + first.id() + "\""))));
        mvc.perform(get(CONSOLE).param("q", prefix).param("status", "SUSPENDED").with(operator()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("One organization matches"),
                                containsString(second.displayName()),
                                not(containsString(first.displayName())))));
        mvc.perform(get(CONSOLE).param("q", prefix).param("size", "1").with(operator()))
                .andExpect(
                        content().string(containsString("href=\"/operator?q=" + prefix + "&amp;size=1&amp;page=2\"")));
    }

    @Test
    void aBadFilterShowsWhatIsWrongWithIt() throws Exception {
        mvc.perform(get(CONSOLE).param("createdFrom", "yesterday").with(operator()))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(allOf(
                                containsString("role=\"alert\""),
                                containsString(
                                        "Give a date as year-month-day, such as 2026-11-29; &quot;yesterday&quot; is"
                                                + " not one."))));
    }

    @Test
    void theDetailPageShowsTheTenantAndSuspendingItNeedsAReason() throws Exception {
        var tenant = tenants.activeTenant("pages-detail");
        people.member(tenant, OrgRole.ORG_ADMIN);
        var page = CONSOLE + "/tenants/" + tenant.id();

        mvc.perform(get(page).with(operator()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(tenant.displayName()),
                                containsString(tenants.hostOf(tenant)),
                                containsString(tenant.schemaName()),
                                containsString("CURRENT"),
                                containsString("create-organization"),
                                containsString("1 active of 1"),
                                containsString("<label for=\"suspend-reason\""))));

        mvc.perform(post(page + "/suspend")
                        .param("reason", " ")
                        .with(operator())
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Give a reason for the suspension")));
        assertThat(registry.require(tenant.id()).status()).isEqualTo(TenantStatus.ACTIVE);

        mvc.perform(post(page + "/suspend")
                        .param("reason", "Unpaid invoices")
                        .with(operator())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/operator/tenants/" + tenant.id()))
                .andExpect(flash().attribute("done", "operator.done.suspend"));
        assertThat(registry.require(tenant.id()).status()).isEqualTo(TenantStatus.SUSPENDED);
        mvc.perform(get(page).with(operator()))
                .andExpect(content()
                        .string(allOf(
                                containsString("Unpaid invoices"),
                                containsString("tenant.suspended"),
                                containsString(OPERATOR_EMAIL),
                                containsString("Reactivate"))));
    }

    @Test
    void deletionIsScheduledAndCancelledFromThePageWithItsGracePeriodChecked() throws Exception {
        var tenant = tenants.activeTenant("pages-deletion");
        var page = CONSOLE + "/tenants/" + tenant.id();

        mvc.perform(post(page + "/deletion")
                        .param("reason", "Closing")
                        .param("graceDays", "a month")
                        .with(operator())
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(allOf(containsString("whole number of days"), containsString("value=\"a month\""))));
        mvc.perform(post(page + "/deletion")
                        .param("reason", "Closing")
                        .param("graceDays", "10")
                        .with(operator())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(registry.require(tenant.id()).status()).isEqualTo(TenantStatus.PENDING_DELETION);
        mvc.perform(get(page).with(operator()))
                .andExpect(content().string(allOf(containsString("Cancel deletion"), containsString("Deletion due"))));

        mvc.perform(post(page + "/deletion/cancel").with(operator()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("done", "operator.done.cancel-deletion"));
        assertThat(registry.require(tenant.id()).status()).isEqualTo(TenantStatus.SUSPENDED);
    }

    @Test
    void aTakenHostIsRefusedWithItsMessageAndTheInputKept() throws Exception {
        var tenant = tenants.activeTenant("pages-host");
        var other = tenants.activeTenant("pages-host-other");

        mvc.perform(post(CONSOLE + "/tenants/" + tenant.id() + "/hosts")
                        .param("host", tenants.hostOf(other))
                        .with(operator())
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("must lie outside localhost")));
        var custom = "pages-" + UUID.randomUUID().toString().substring(0, 8) + ".example.net";
        mvc.perform(post(CONSOLE + "/tenants/" + other.id() + "/hosts")
                        .param("host", custom)
                        .with(operator())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(CONSOLE + "/tenants/" + tenant.id() + "/hosts")
                        .param("host", custom)
                        .with(operator())
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content()
                        .string(allOf(containsString("is already taken"), containsString("value=\"" + custom + "\""))));
        assertThat(registry.hostsOf(tenant.id())).hasSize(1);

        mvc.perform(post(CONSOLE + "/tenants/" + other.id() + "/hosts/remove")
                        .param("host", custom)
                        .with(operator())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(registry.hostsOf(other.id())).hasSize(1);
    }

    @Test
    void theExportDownloadsFromThePage() throws Exception {
        var tenant = tenants.activeTenant("pages-export");

        var zip = mvc.perform(
                        get(CONSOLE + "/tenants/" + tenant.id() + "/export").with(operator()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        var names = new ArrayList<String>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        assertThat(names).contains("manifest.json", "tables/members.json");
    }

    @Test
    void failedProvisioningIsShownAndRetriedFromItsPage() throws Exception {
        var slug = TenantFixtures.uniqueSlug("pages-failed");
        flaky.failFor(slug);
        var job = provisioning.provision(ProvisionTenant.of(slug, "Failing " + slug, TenantKind.SCHOOL));
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);

        mvc.perform(get(CONSOLE).with(operator()))
                .andExpect(content().string(containsString("See failed provisioning")));
        mvc.perform(get(CONSOLE + "/provisioning").with(operator()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(slug),
                                containsString("test-flaky"),
                                containsString("the flaky step refuses"),
                                containsString("aria-label=\"Retry the provisioning of " + slug + "\""))));

        flaky.stopFailingFor(slug);
        mvc.perform(post(CONSOLE + "/provisioning/" + job.id() + "/retry")
                        .with(operator())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("done", "operator.done.retry.SUCCEEDED"));
        assertThat(registry.findBySlug(slug).orElseThrow().status()).isEqualTo(TenantStatus.ACTIVE);
        mvc.perform(post(CONSOLE + "/provisioning/" + job.id() + "/discard")
                        .with(operator())
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("only a failed job can be retried or discarded")));
        mvc.perform(get(CONSOLE + "/audit").with(operator()))
                .andExpect(content().string(allOf(containsString("provisioning.retried"), containsString(slug))));
    }

    @Test
    void anUnknownTenantIsAPageThatSaysSo() throws Exception {
        var id = UUID.randomUUID();
        mvc.perform(get(CONSOLE + "/tenants/" + id).with(operator()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("No organization is known as " + id)));
    }

    private static RequestPostProcessor operator() {
        return oidcLogin()
                .idToken(token -> token.subject("operator-pages").claim("email", OPERATOR_EMAIL))
                .authorities(new SimpleGrantedAuthority("ROLE_PLATFORM_OPERATOR"));
    }
}

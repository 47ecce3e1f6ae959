package app.tandem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.tandem.core.context.TenantScope;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.test.TenantFixtures;
import app.tandem.demo.DemoData;
import app.tandem.identity.OrgRole;
import app.tandem.identity.member.Members;
import app.tandem.identity.test.MemberFixtures;
import app.tandem.infra.browser.TestBrowser;
import app.tandem.infra.mail.ReceivedMail;
import app.tandem.infra.mail.TestMailbox;
import app.tandem.tenantadmin.invitation.InvitationImports;
import app.tandem.tenantadmin.invitation.Invitations;
import app.tandem.tenantadmin.invitation.Invitations.Invite;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

/** Invitations end to end: the email through the outbox and SMTP, the link, Keycloak, the member and the audit. */
@AppIntegrationTest
class InvitationsIT {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    TenantRegistry registry;

    @Autowired
    TenantFixtures tenants;

    @Autowired
    MemberFixtures people;

    @Autowired
    Invitations invitations;

    @Autowired
    InvitationImports imports;

    @Autowired
    Members members;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anInviteeAcceptsChoosesAPasswordAndSignsInWithTheInvitedRole() {
        var email = "newcomer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        try (var admin = TestBrowser.open();
                var invitee = TestBrowser.open()) {
            signIn(admin, "ada@demo.localhost", DemoData.PASSWORD);
            admin.go(demo("/admin/invitations"));
            admin.fill(By.id("email"), email);
            admin.fill(By.id("name"), "Nora Newcomer");
            new Select(admin.driver().findElement(By.id("role"))).selectByValue("COORDINATOR");
            admin.click(By.xpath("//button[normalize-space()='Send invitation']"));
            admin.waitForText("Invitation sent to " + email);

            var mail = TestMailbox.get().awaitMessageTo(email);
            assertThat(mail.subject()).isEqualTo("Ada Admin invites you to Demo Mentoring Association");
            var link = invitationLink(mail);

            invitee.go(link);
            assertThat(invitee.page())
                    .contains("Nora Newcomer, you are invited to join Demo Mentoring Association as coordinator.");
            invitee.fill(By.id("password"), "a-good-password-1");
            invitee.fill(By.id("confirmation"), "a-good-password-1");
            invitee.click(By.id("accept"));
            invitee.waitForText("You are a member now.");
            invitee.click(By.id("sign-in"));
            invitee.signInOnKeycloak(email, "a-good-password-1");
            invitee.waitForText("Signed in as Nora Newcomer (coordinator).");

            // The link is spent.
            invitee.go(link);
            assertThat(invitee.page()).contains("accepted already");
            admin.go(demo("/admin/audit"));
            assertThat(admin.page()).contains("invitation.sent", "invitation.accepted", email);
        }
    }

    @Test
    void revokedAndReplacedLinksAreRefusedWithAPageThatSaysWhatToDo() throws Exception {
        var demo = demoTenant();
        var revoked = asOrgAdmin(demo, () -> invitations.invite(new Invite(unique("revoked"), "Rex", OrgRole.MEMBER)));
        var revokedLink = invitationLink(TestMailbox.get().awaitMessageTo(revoked.email()));
        asOrgAdmin(demo, () -> invitations.revoke(revoked.id()));

        mvc.perform(get("http://demo.localhost" + path(revokedLink)))
                .andExpect(status().isGone())
                .andExpect(content().string(Matchers.containsString("withdrawn")));

        var resent = asOrgAdmin(demo, () -> invitations.invite(new Invite(unique("resent"), "Rae", OrgRole.MEMBER)));
        var firstLink = invitationLink(TestMailbox.get().awaitMessageTo(resent.email()));
        TestMailbox.get().clear();
        asOrgAdmin(demo, () -> invitations.resend(resent.id()));
        var secondLink = invitationLink(TestMailbox.get().awaitMessageTo(resent.email()));

        assertThat(secondLink).isNotEqualTo(firstLink);
        mvc.perform(get("http://demo.localhost" + path(firstLink)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("not valid")));
        mvc.perform(get("http://demo.localhost" + path(secondLink)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("you are invited to join")));
    }

    @Test
    void anExpiredLinkIsRefusedAndResendingOpensItAgain() throws Exception {
        var demo = demoTenant();
        var invitation =
                asOrgAdmin(demo, () -> invitations.invite(new Invite(unique("late"), "Lou Late", OrgRole.MEMBER)));
        var link = invitationLink(TestMailbox.get().awaitMessageTo(invitation.email()));
        // Eight days later, as far as this invitation is concerned.
        jdbc.sql("update " + demo.schemaName() + ".invitations set expires_at = now() - interval '1 day' where id = ?")
                .param(invitation.id())
                .update();

        mvc.perform(get("http://demo.localhost" + path(link)))
                .andExpect(status().isGone())
                .andExpect(content().string(Matchers.containsString("This invitation has expired.")));
        mvc.perform(post("http://demo.localhost" + path(link))
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("password", "a-good-password-1")
                        .param("confirmation", "a-good-password-1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("expired")));
        assertThat(asOrgAdmin(demo, () -> members.findByEmail(invitation.email())))
                .isEmpty();

        TestMailbox.get().clear();
        asOrgAdmin(demo, () -> invitations.resend(invitation.id()));
        var fresh = invitationLink(TestMailbox.get().awaitMessageTo(invitation.email()));
        mvc.perform(get("http://demo.localhost" + path(fresh)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Lou Late, you are invited to join")));
    }

    @Test
    void aPreviewNamesEveryBadRowAndChangesNothing() {
        var demo = demoTenant();
        var invited = unique("invited");
        asOrgAdmin(demo, () -> invitations.invite(new Invite(invited, "Ivy", OrgRole.MEMBER)));
        var fresh = unique("fresh");
        var csv = String.join(
                "\n",
                "email,name,role",
                fresh + ",Fred Fresh,member",
                "not-an-email,Nobody,member",
                fresh + ",Fred Again,member",
                "ada@demo.localhost,Ada,member",
                invited + ",Ivy,member",
                unique("boss") + ",Bob,boss",
                unique("nameless") + ",,member");

        var rows = asOrgAdmin(demo, () -> imports.preview(csv));

        assertThat(rows)
                .extracting(InvitationImports.Row::problem)
                .containsExactly(
                        null,
                        "'not-an-email' is not an email address.",
                        "duplicate of an earlier row",
                        "already a member",
                        "already invited",
                        "unknown role 'boss' (org admin, coordinator or member)",
                        "Give the name of the person to invite.");
        assertThat(asOrgAdmin(demo, () -> members.findByEmail(fresh))).isEmpty();
        assertThat(asOrgAdmin(
                        demo,
                        () -> invitations.list(0, 200).stream()
                                .noneMatch(invitation -> invitation.email().equals(fresh))))
                .isTrue();
    }

    @Test
    void fiveThousandPeopleAreInvitedFromOneFileWithProgressToTheEnd() throws Exception {
        var bulk = tenants.activeTenant("bulk");
        var csv = new StringBuilder("email,name,role\n");
        for (int i = 0; i < 5000; i++) {
            csv.append("person-")
                    .append(i)
                    .append("@bulk.example.org,Person ")
                    .append(i)
                    .append(",member\n");
        }

        var started = asOrgAdmin(bulk, () -> imports.start(csv.toString()));

        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> TenantScope.get(bulk.id(), () -> imports.progress(started.id()))
                                .running(),
                        running -> !running);
        var finished = TenantScope.get(bulk.id(), () -> imports.progress(started.id()));
        assertThat(finished.done()).isEqualTo(5000);
        assertThat(finished.skipped()).isZero();
        assertThat(asOrgAdmin(bulk, () -> invitations.list(0, 200).getTotalElements()))
                .isEqualTo(5000);
    }

    @Test
    void anInvitationOfOneTenantIsUselessOnAnother() throws Exception {
        var demo = demoTenant();
        var other = tenants.activeTenant("elsewhere");
        var otherAdmin = people.member(other, OrgRole.ORG_ADMIN);
        var invitation = asOrgAdmin(demo, () -> invitations.invite(new Invite(unique("cross"), "Cy", OrgRole.MEMBER)));
        var link = invitationLink(TestMailbox.get().awaitMessageTo(invitation.email()));
        var token = people.accessToken(other, otherAdmin);

        mvc.perform(post("http://" + tenants.hostOf(other) + "/api/v1/invitations/" + invitation.id() + "/revoke")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://tandem.app/problems/invitation-not-found"));
        mvc.perform(get("http://" + tenants.hostOf(other) + path(link))).andExpect(status().isNotFound());
        assertThat(asOrgAdmin(demo, () -> invitations.get(invitation.id()).state(Instant.now())))
                .isEqualTo("PENDING");
    }

    @Test
    void theApiInvitesWithSpecificErrors() throws Exception {
        var demo = demoTenant();
        var admin = people.member(demo, OrgRole.ORG_ADMIN);
        var token = people.accessToken(demo, admin);

        mvc.perform(post("http://demo.localhost/api/v1/invitations")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"nope\",\"displayName\":\"N\",\"role\":\"MEMBER\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("'nope' is not an email address."));
        mvc.perform(post("http://demo.localhost/api/v1/invitations")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"maya@demo.localhost\",\"displayName\":\"Maya\",\"role\":\"MEMBER\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://tandem.app/problems/already-member"));
        var email = unique("api");
        mvc.perform(post("http://demo.localhost/api/v1/invitations")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email + "\",\"displayName\":\"Api\",\"role\":\"COORDINATOR\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("PENDING"))
                .andExpect(jsonPath("$.role").value("COORDINATOR"));
        var member = people.member(demo, OrgRole.MEMBER);
        mvc.perform(get("http://demo.localhost/api/v1/invitations")
                        .header("Authorization", "Bearer " + people.accessToken(demo, member)))
                .andExpect(status().isForbidden());
    }

    private Tenant demoTenant() {
        return registry.findBySlug(DemoData.DEMO_SLUG).orElseThrow();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private static String invitationLink(ReceivedMail mail) {
        return mail.links().stream()
                .filter(link -> link.contains("/invitations/"))
                .findFirst()
                .orElseThrow();
    }

    /** The path of a link, for MockMvc requests that name the host separately. */
    private static String path(String link) {
        return URI.create(link).getPath();
    }

    private static <T> T asOrgAdmin(Tenant tenant, Supplier<T> work) {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("test", "", OrgRole.ORG_ADMIN.authority()));
        try {
            return TenantScope.get(tenant.id(), work);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void signIn(TestBrowser browser, String email, String password) {
        browser.go(demo("/login"));
        browser.signInOnKeycloak(email, password);
        browser.waitUntilUrlStartsWith(demo("/"));
    }

    private String demo(String path) {
        return "http://demo.localhost:" + port + path;
    }
}

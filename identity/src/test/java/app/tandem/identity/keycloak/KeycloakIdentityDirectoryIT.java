package app.tandem.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tandem.core.provisioning.JobStatus;
import app.tandem.core.provisioning.ProvisionTenant;
import app.tandem.core.provisioning.TenantProvisioning;
import app.tandem.core.tenant.TenantKind;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.tenant.TenantSlug;
import app.tandem.core.test.FlakyProvisioningStep;
import app.tandem.core.test.TenantFixtures;
import app.tandem.identity.IdentityProviderUnavailable;
import app.tandem.infra.keycloak.TestKeycloakInitializer;
import app.tandem.infra.mail.TestMailbox;
import app.tandem.infra.postgres.TestDatabaseInitializer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest
@ContextConfiguration(initializers = {TestDatabaseInitializer.class, TestKeycloakInitializer.class})
@Import(FlakyProvisioningStep.class)
class KeycloakIdentityDirectoryIT {

    @Autowired
    KeycloakIdentityDirectory directory;

    @Autowired
    KeycloakProperties properties;

    @Autowired
    TenantProvisioning provisioning;

    @Autowired
    TenantRegistry registry;

    @Autowired
    FlakyProvisioningStep failing;

    @Autowired
    TenantOrganizations organizations;

    @Test
    void createsAnOrganizationOnceForTheSameSlug() {
        var slug = TenantSlug.of(TenantFixtures.uniqueSlug("org"));

        var first = directory.createOrganization(slug, "Org School");
        var second = directory.createOrganization(slug, "Org School");

        assertThat(second).isEqualTo(first);
        assertThat(directory.findOrganization(slug)).contains(first);
    }

    @Test
    void deletesAnOrganizationAndToleratesItsAbsence() {
        var slug = TenantSlug.of(TenantFixtures.uniqueSlug("gone"));
        directory.createOrganization(slug, "Gone Company");

        directory.deleteOrganization(slug);
        directory.deleteOrganization(slug);

        assertThat(directory.findOrganization(slug)).isEmpty();
    }

    @Test
    void registersAndUnregistersExactlyTheAddresssRedirectUriAndOrigin() {
        var address = URI.create("http://" + TenantFixtures.uniqueSlug("host") + ".localhost:8443");
        var before = directory.webClient();

        directory.registerAddress(address);
        directory.registerAddress(address);

        var registered = directory.webClient();
        assertThat(strings(registered.path("redirectUris")))
                .containsAll(strings(before.path("redirectUris")))
                .containsOnlyOnce(address + "/*")
                .hasSize(strings(before.path("redirectUris")).size() + 1);
        assertThat(strings(registered.path("webOrigins")))
                .containsAll(strings(before.path("webOrigins")))
                .containsOnlyOnce(address.toString())
                .hasSize(strings(before.path("webOrigins")).size() + 1);

        directory.unregisterAddress(address);
        directory.unregisterAddress(address);

        var unregistered = directory.webClient();
        assertThat(strings(unregistered.path("redirectUris")))
                .containsExactlyInAnyOrderElementsOf(strings(before.path("redirectUris")));
        assertThat(strings(unregistered.path("webOrigins")))
                .containsExactlyInAnyOrderElementsOf(strings(before.path("webOrigins")));
    }

    @Test
    void createsAUserOnceAndFindsItAgainWhateverTheCaseOfTheEmail() {
        var email = "Ada." + UUID.randomUUID() + "@Example.org";
        assertThat(directory.findUser(email)).isEmpty();

        var created = directory.findOrCreateUser(email, "Ada", "Lovelace");
        var found = directory.findOrCreateUser(email.toUpperCase(), "Ada", "Lovelace");

        assertThat(found).isEqualTo(created);
        assertThat(directory.findUser(" " + email.toUpperCase() + " ")).contains(created);
        var user = directory.user(created);
        assertThat(user.path("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(strings(user.path("requiredActions"))).containsExactlyInAnyOrder("VERIFY_EMAIL", "UPDATE_PASSWORD");
    }

    @Test
    void emailsANewUserALinkToVerifyTheEmailAndChooseAPassword() throws Exception {
        var email = "mail-" + UUID.randomUUID() + "@example.org";
        var user = directory.findOrCreateUser(email, "Mary", "Jackson");
        // Keycloak sends the browser on only to a registered redirect URI.
        var address = URI.create("https://" + TenantFixtures.uniqueSlug("mail") + ".localhost");
        directory.registerAddress(address);

        try {
            directory.sendActionsEmail(
                    user, KeycloakIdentityDirectory.NEW_USER_ACTIONS, Optional.of(address + "/welcome"));

            // The realm sends to the JVM's test mailbox.
            var message = TestMailbox.get().awaitMessageTo(email);
            assertThat(message.links()).anyMatch(link -> link.contains("action-token"));
        } finally {
            directory.unregisterAddress(address);
        }
    }

    @Test
    void addsAndRemovesAMemberIdempotently() {
        var slug = TenantSlug.of(TenantFixtures.uniqueSlug("members"));
        directory.createOrganization(slug, "Members Association");
        var user = directory.findOrCreateUser("member-" + UUID.randomUUID() + "@example.org", "Grace", "Hopper");
        assertThat(directory.isMember(slug, user)).isFalse();

        directory.addMember(slug, user);
        directory.addMember(slug, user);
        assertThat(directory.isMember(slug, user)).isTrue();

        directory.removeMember(slug, user);
        directory.removeMember(slug, user);
        assertThat(directory.isMember(slug, user)).isFalse();
    }

    @Test
    void provisioningATenantCreatesItsOrganizationBindsItAndRegistersItsAddress() {
        var slug = TenantFixtures.uniqueSlug("prov");

        var job = provisioning.provision(ProvisionTenant.of(slug, "Provisioned School", TenantKind.SCHOOL));

        assertThat(job.status()).as(job.lastError()).isEqualTo(JobStatus.SUCCEEDED);
        var organization = directory.findOrganization(TenantSlug.of(slug));
        assertThat(organization).isPresent();
        var tenant = registry.findBySlug(slug).orElseThrow();
        assertThat(organizations.organizationOf(tenant.id())).isEqualTo(organization);
        var host = registry.subdomainHost(TenantSlug.of(slug));
        assertThat(strings(directory.webClient().path("redirectUris"))).contains("http://" + host + "/*");
    }

    @Test
    void discardingAFailedJobRemovesTheOrganizationAndTheHost() {
        var slug = TenantFixtures.uniqueSlug("undo");
        failing.failFor(slug);
        var job = provisioning.provision(ProvisionTenant.of(slug, "Undone Company", TenantKind.COMPANY));
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(directory.findOrganization(TenantSlug.of(slug))).isPresent();
        var host = registry.subdomainHost(TenantSlug.of(slug));

        assertThat(strings(directory.webClient().path("redirectUris"))).contains("http://" + host + "/*");

        provisioning.discard(job.id());

        assertThat(directory.findOrganization(TenantSlug.of(slug))).isEmpty();
        assertThat(strings(directory.webClient().path("redirectUris"))).doesNotContain("http://" + host + "/*");
        assertThat(strings(directory.webClient().path("webOrigins"))).doesNotContain("http://" + host);
    }

    @Test
    void anUnreachableKeycloakIsUnavailableAfterTheBoundedRetries() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var unreachable = new KeycloakIdentityDirectory(new KeycloakProperties(
                "http://127.0.0.1:" + closedPort,
                null,
                "tandem",
                "admin",
                "secret",
                "tandem-web",
                "web-secret",
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                2,
                Duration.ofSeconds(30)));
        assertThatThrownBy(() -> unreachable.createOrganization(TenantSlug.of("nowhere"), "Nowhere"))
                .isInstanceOf(IdentityProviderUnavailable.class)
                .hasMessageContaining("http://127.0.0.1:" + closedPort + " is unavailable")
                .hasMessageContaining("failed 3 times")
                .hasMessageContaining("tandem.identity.keycloak.base-url");
    }

    private static List<String> strings(tools.jackson.databind.JsonNode array) {
        return array.values().stream()
                .map(tools.jackson.databind.JsonNode::asString)
                .toList();
    }
}

package app.tandem.infra.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Tandem realm on the JVM's {@link TestKeycloak}, asked over HTTP what it really is. */
class TandemRealmIT {

    private final TestKeycloak keycloak = TestKeycloak.get();
    private final KeycloakCoordinates coordinates = keycloak.coordinates();

    @Test
    void publishesTheRealmsIssuerInItsDiscoveryDocument() {
        var response = KeycloakAdminApi.send(
                HttpClient.newHttpClient(),
                HttpRequest.newBuilder(URI.create(coordinates.issuerUri() + "/.well-known/openid-configuration"))
                        .build());

        assertThat(response.statusCode()).isEqualTo(200);
        var discovery = KeycloakAdminApi.JSON.readTree(response.body());
        assertThat(discovery.path("issuer").asString())
                .isEqualTo(coordinates.issuerUri())
                .isEqualTo(coordinates.baseUrl() + "/realms/tandem");
        assertThat(discovery.path("code_challenge_methods_supported").toString())
                .contains("S256");
    }

    @Test
    void realmHasOrganizationsAndInvitationOnlySignIn() {
        var realm = admin().get("/admin/realms/tandem");

        assertThat(realm.path("enabled").asBoolean()).isTrue();
        assertThat(realm.path("organizationsEnabled").asBoolean()).isTrue();
        assertThat(realm.path("registrationAllowed").asBoolean()).isFalse();
        assertThat(realm.path("loginWithEmailAllowed").asBoolean()).isTrue();
        assertThat(realm.path("verifyEmail").asBoolean()).isTrue();
        assertThat(realm.path("resetPasswordAllowed").asBoolean()).isTrue();
        var smtp = realm.path("smtpServer");
        assertThat(smtp.path("host").asString()).isEqualTo("localhost");
        assertThat(smtp.path("from").asString()).isEqualTo("no-reply@tandem.localhost");
        if (keycloak.kind().equals("embedded")) {
            assertThat(smtp.path("port").asString()).isEqualTo(String.valueOf(keycloak.smtpPort()));
        }
    }

    @Test
    void webClientIsConfidentialWithAuthorizationCodeAndPkceOnly() {
        var client = client("tandem-web");

        assertThat(client.path("publicClient").asBoolean()).isFalse();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("attributes").path("pkce.code.challenge.method").asString())
                .isEqualTo("S256");
        assertThat(texts(client.path("redirectUris"))).containsExactlyInAnyOrder("http://localhost:8080/*");
        // "+": the logout may return wherever the login may, so each registered tenant address works for both.
        assertThat(client.path("attributes").path("post.logout.redirect.uris").asString())
                .isEqualTo("+");
        assertThat(texts(client.path("defaultClientScopes"))).contains("organization", "basic", "roles");
        assertThat(client.path("secret").asString()).isEqualTo(coordinates.webClientSecret());
    }

    @Test
    void apiClientSignsNobodyIn() {
        var client = client("tandem-api");

        assertThat(client.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("serviceAccountsEnabled").asBoolean()).isFalse();
    }

    @Test
    void platformOperatorIsARealmRole() {
        var role = admin().get("/admin/realms/tandem/roles/platform-operator");

        assertThat(role.path("name").asString()).isEqualTo("platform-operator");
        assertThat(role.path("clientRole").asBoolean()).isFalse();
    }

    @Test
    void organizationScopeMapsOrganizationIds() {
        var scopes = admin().get("/admin/realms/tandem/client-scopes");
        JsonNode mapper = null;
        for (var scope : scopes.values()) {
            if (scope.path("name").asString().equals("organization")) {
                mapper = scope.path("protocolMappers").get(0);
            }
        }

        assertThat(mapper).isNotNull();
        assertThat(mapper.path("protocolMapper").asString()).isEqualTo("oidc-organization-membership-mapper");
        assertThat(mapper.path("config").path("addOrganizationId").asString()).isEqualTo("true");
        assertThat(mapper.path("config").path("jsonType.label").asString()).isEqualTo("JSON");
    }

    @Test
    void ensuringTheRealmAgainChangesNothing() {
        var admin = admin();
        var before = admin.get("/admin/realms/tandem");
        var realm = TandemRealm.load(Map.of(TandemRealm.SMTP_PORT_VARIABLE, "2525"));

        assertThat(realm.ensureOn(admin)).isEqualTo(TandemRealm.Outcome.EXISTED);
        assertThat(realm.ensureOn(admin)).isEqualTo(TandemRealm.Outcome.EXISTED);

        var after = admin.get("/admin/realms/tandem");
        assertThat(after.path("id").asString()).isEqualTo(before.path("id").asString());
        assertThat(after.path("smtpServer")).isEqualTo(before.path("smtpServer"));
    }

    @Test
    void memberSigningInForTheirOrganizationGetsItsIdAndTheApiAudience() {
        var admin = admin();
        var alias = "org-" + UUID.randomUUID().toString().substring(0, 8);
        var organizationId = admin.create("/admin/realms/tandem/organizations", """
                {"name": "%s", "alias": "%s", "enabled": true, "domains": [{"name": "%s.example"}]}""".formatted(alias, alias, alias));
        var username = "member-" + alias;
        var userId = admin.create("/admin/realms/tandem/users", """
                {"username": "%s", "email": "%s@%s.example", "emailVerified": true, "enabled": true,
                 "firstName": "Mia", "lastName": "Member",
                 "credentials": [{"type": "password", "value": "s3cret-Pass", "temporary": false}]}""".formatted(username, username, alias));
        assertThat(admin.post(
                        "/admin/realms/tandem/organizations/" + organizationId + "/members", "\"" + userId + "\""))
                .isEqualTo(201);

        var claims = keycloak.login().accessTokenClaims(username, "s3cret-Pass", "openid organization:" + alias);

        assertThat(claims.path("iss").asString()).isEqualTo(coordinates.issuerUri());
        assertThat(claims.path("azp").asString()).isEqualTo("tandem-web");
        assertThat(texts(claims.path("aud"))).contains("tandem-api");
        assertThat(claims.path("organization").path(alias).path("id").asString())
                .isEqualTo(organizationId);
    }

    @Test
    void coordinatesPointSpringAtTheRealm() {
        var properties = coordinates.asProperties();

        assertThat(properties)
                .containsEntry("tandem.identity.keycloak.base-url", coordinates.baseUrl())
                .containsEntry("tandem.identity.keycloak.realm", "tandem")
                .containsEntry("tandem.identity.keycloak.web-client-id", "tandem-web")
                .containsEntry("tandem.identity.keycloak.web-client-secret", coordinates.webClientSecret())
                .containsEntry("tandem.identity.keycloak.admin-username", coordinates.adminUsername())
                .containsEntry("tandem.identity.keycloak.admin-password", coordinates.adminPassword())
                .doesNotContainKey("spring.security.oauth2.resourceserver.jwt.issuer-uri");
        assertThat(coordinates.toString()).doesNotContain(coordinates.webClientSecret());
    }

    private KeycloakAdminApi admin() {
        return keycloak.admin();
    }

    private JsonNode client(String clientId) {
        var clients = admin().get("/admin/realms/tandem/clients?clientId=" + clientId);
        assertThat(clients.size()).isEqualTo(1);
        return clients.get(0);
    }

    private static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        array.values().forEach(node -> texts.add(node.asString()));
        return texts;
    }
}

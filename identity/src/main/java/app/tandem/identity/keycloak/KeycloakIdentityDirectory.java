package app.tandem.identity.keycloak;

import app.tandem.core.tenant.TenantSlug;
import app.tandem.identity.IdentityConflict;
import app.tandem.identity.IdentityDirectory;
import app.tandem.identity.IdentityProviderUnavailable;
import app.tandem.identity.PasswordRejected;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link IdentityDirectory} on Keycloak's admin REST API (Keycloak 26), spoken directly over the JDK's HTTP client:
 * {@code keycloak-admin-client} would bring RESTEasy and Jackson 2 next to Boot 4's Jackson 3 for a dozen calls.
 *
 * <p>A tenant's organization has the slug as both alias and name: the name must be unique in the realm too, and it is
 * what the admin API can search exactly, while display names of tenants may repeat. The display name goes into the
 * organization's description.
 */
class KeycloakIdentityDirectory implements IdentityDirectory {

    static final String OPERATOR_ROLE = "platform-operator";
    static final List<String> NEW_USER_ACTIONS = List.of("VERIFY_EMAIL", "UPDATE_PASSWORD");

    private static final Logger log = LoggerFactory.getLogger(KeycloakIdentityDirectory.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration BACKOFF = Duration.ofMillis(200);

    private final KeycloakProperties properties;
    private final HttpClient http;
    private final String realmPath;

    private String accessToken;
    private Instant accessTokenRenewal = Instant.MIN;

    KeycloakIdentityDirectory(KeycloakProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .build();
        this.realmPath = "/admin/realms/" + encode(properties.realm());
    }

    @Override
    public String createOrganization(TenantSlug slug, String name) {
        var existing = findOrganization(slug);
        if (existing.isPresent()) {
            return existing.get();
        }
        var organization = JSON.createObjectNode()
                .put("name", slug.value())
                .put("alias", slug.value())
                .put("description", name)
                .put("enabled", true);
        var response = call("POST", "/organizations", organization.toString());
        if (response.statusCode() == 201) {
            return createdId(response);
        }
        if (response.statusCode() == 409) {
            // Created by a concurrent attempt since we looked, or an organization we do not recognise holds the name.
            return findOrganization(slug)
                    .orElseThrow(() -> new IdentityConflict("Keycloak already has an organization named or aliased '"
                            + slug + "' that is not this tenant's. Rename or delete it in realm "
                            + properties.realm() + " and provision again."));
        }
        throw refused(response);
    }

    @Override
    public Optional<String> findOrganization(TenantSlug slug) {
        var response =
                call("GET", "/organizations?exact=true&briefRepresentation=true&search=" + encode(slug.value()), null);
        for (var organization : expectJson(response, 200).values()) {
            if (organization.path("alias").asString().equals(slug.value())) {
                return Optional.of(organization.path("id").asString());
            }
        }
        return Optional.empty();
    }

    @Override
    public void deleteOrganization(TenantSlug slug) {
        var id = findOrganization(slug);
        if (id.isPresent()) {
            expect(call("DELETE", "/organizations/" + id.get(), null), 204, 404);
        }
    }

    @Override
    public void registerAddress(URI baseUrl) {
        updateWebClient(List.of(redirectUri(baseUrl)), List.of(webOrigin(baseUrl)), true);
    }

    @Override
    public void unregisterAddress(URI baseUrl) {
        updateWebClient(List.of(redirectUri(baseUrl)), List.of(webOrigin(baseUrl)), false);
    }

    static String redirectUri(URI baseUrl) {
        // Keycloak has no host wildcards, so each tenant address is listed on its own.
        return webOrigin(baseUrl) + "/*";
    }

    static String webOrigin(URI baseUrl) {
        var text = baseUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * Read, change, write: Keycloak has no call that adds one redirect URI. Within this node the changes take turns;
     * two nodes provisioning at the same moment can still overwrite each other's change, which applying the step
     * again (a retry) repairs.
     */
    private synchronized void updateWebClient(List<String> uris, List<String> origins, boolean add) {
        var client = webClient();
        var redirectUris = strings(client.path("redirectUris"));
        var webOrigins = strings(client.path("webOrigins"));
        boolean changed = add
                ? redirectUris.addAll(uris) | webOrigins.addAll(origins)
                : redirectUris.removeAll(uris) | webOrigins.removeAll(origins);
        if (!changed) {
            return;
        }
        // Only the two lists: Keycloak leaves the fields a representation does not carry as they are.
        var update = JSON.createObjectNode()
                .put("id", client.path("id").asString())
                .put("clientId", client.path("clientId").asString());
        update.putPOJO("redirectUris", List.copyOf(redirectUris));
        update.putPOJO("webOrigins", List.copyOf(webOrigins));
        expect(call("PUT", "/clients/" + client.path("id").asString(), update.toString()), 204);
    }

    /** The web client's representation, with its internal id and its redirect URIs and web origins. */
    JsonNode webClient() {
        var clients = expectJson(call("GET", "/clients?clientId=" + encode(properties.webClientId()), null), 200);
        for (var client : clients.values()) {
            if (client.path("clientId").asString().equals(properties.webClientId())) {
                return client;
            }
        }
        throw new IdentityProviderUnavailable("Realm " + properties.realm() + " has no client '"
                + properties.webClientId() + "'. Import infra/deploy/keycloak/tandem-realm.json or set"
                + " tandem.identity.keycloak.web-client-id to the browser login's client.");
    }

    @Override
    public String findOrCreateUser(String email, String firstName, String lastName) {
        var normalised = email.strip().toLowerCase(Locale.ROOT);
        var existing = findUser(normalised);
        if (existing.isPresent()) {
            return existing.get();
        }
        var user = JSON.createObjectNode()
                .put("username", normalised)
                .put("email", normalised)
                .put("firstName", firstName)
                .put("lastName", lastName)
                .put("enabled", true)
                .put("emailVerified", false);
        user.putPOJO("requiredActions", NEW_USER_ACTIONS);
        var response = call("POST", "/users", user.toString());
        if (response.statusCode() == 201) {
            return createdId(response);
        }
        if (response.statusCode() == 409) {
            return findUser(normalised)
                    .orElseThrow(() -> new IdentityConflict("Keycloak has a user named " + normalised
                            + " with another email address; change one of them in realm " + properties.realm()
                            + "."));
        }
        throw refused(response);
    }

    @Override
    public Optional<String> findUser(String email) {
        var normalised = email.strip().toLowerCase(Locale.ROOT);
        var users = expectJson(
                call("GET", "/users?exact=true&briefRepresentation=true&email=" + encode(normalised), null), 200);
        for (var user : users.values()) {
            if (user.path("email").asString().equalsIgnoreCase(normalised)) {
                return Optional.of(user.path("id").asString());
            }
        }
        return Optional.empty();
    }

    /** The user's representation, for diagnostics and tests. */
    JsonNode user(String userId) {
        return expectJson(call("GET", "/users/" + encode(userId), null), 200);
    }

    @Override
    public void sendActionsEmail(String userId, List<String> actions, Optional<String> redirectUri) {
        var query = "?client_id=" + encode(properties.webClientId())
                + redirectUri.map(uri -> "&redirect_uri=" + encode(uri)).orElse("");
        var body = JSON.writeValueAsString(actions);
        expect(call("PUT", "/users/" + encode(userId) + "/execute-actions-email" + query, body), 204);
    }

    @Override
    public void setPassword(String userId, String password) {
        var credential = JSON.createObjectNode()
                .put("type", "password")
                .put("value", password)
                .put("temporary", false);
        var reset = call("PUT", "/users/" + encode(userId) + "/reset-password", credential.toString());
        if (reset.statusCode() == 400) {
            // The realm's password policy: Keycloak says which rule in error_description.
            var answer = JSON.readTree(reset.body());
            throw new PasswordRejected(answer.path("error_description")
                    .asString(answer.path("error").asString()));
        }
        expect(reset, 204);
        // The whole representation goes back: with Keycloak's user profile, attributes left out may be cleared.
        var user = (ObjectNode) user(userId);
        user.put("emailVerified", true);
        user.putArray("requiredActions");
        expect(call("PUT", "/users/" + encode(userId), user.toString()), 204);
    }

    @Override
    public void grantOperatorRole(String userId) {
        var role = expectJson(call("GET", "/roles/" + OPERATOR_ROLE, null), 200);
        var body = JSON.createArrayNode().add(role);
        expect(call("POST", "/users/" + encode(userId) + "/role-mappings/realm", body.toString()), 204);
    }

    @Override
    public void addMember(TenantSlug slug, String userId) {
        var organization = requireOrganization(slug);
        // The body is the bare user id, as Keycloak's own admin client sends it; 409: already a member.
        expect(call("POST", "/organizations/" + organization + "/members", userId), 201, 409);
    }

    @Override
    public void removeMember(TenantSlug slug, String userId) {
        var organization = findOrganization(slug);
        if (organization.isPresent()) {
            expect(
                    call("DELETE", "/organizations/" + organization.get() + "/members/" + encode(userId), null),
                    204,
                    404);
        }
    }

    @Override
    public boolean isMember(TenantSlug slug, String userId) {
        var organization = findOrganization(slug);
        if (organization.isEmpty()) {
            return false;
        }
        var response = call("GET", "/organizations/" + organization.get() + "/members/" + encode(userId), null);
        return expect(response, 200, 404).statusCode() == 200;
    }

    private String requireOrganization(TenantSlug slug) {
        return findOrganization(slug)
                .orElseThrow(() -> new IdentityConflict("Tenant " + slug + " has no organization in Keycloak yet;"
                        + " retry its provisioning job before adding members."));
    }

    // --- HTTP ---------------------------------------------------------------------------------------------------

    /** One admin API call, with a fresh token after a 401 and the bounded retries of {@link #withRetries}. */
    private HttpResponse<String> call(String method, String path, String json) {
        var response = withRetries(method + " " + path, () -> request(method, path, json, token()));
        if (response.statusCode() == 401) {
            // The token was revoked or the server restarted: sign in again, once.
            forgetToken();
            response = withRetries(method + " " + path, () -> request(method, path, json, token()));
        }
        return response;
    }

    private HttpRequest request(String method, String path, String json, String token) {
        var builder = HttpRequest.newBuilder(URI.create(properties.baseUrl() + realmPath + path))
                .timeout(properties.readTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (json == null) {
            return builder.method(method, BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", "application/json")
                .method(method, BodyPublishers.ofString(json))
                .build();
    }

    /** The cached admin token, renewed shortly before it expires. */
    private synchronized String token() {
        if (accessToken != null && Instant.now().isBefore(accessTokenRenewal)) {
            return accessToken;
        }
        if (properties.adminUsername() == null || properties.adminPassword() == null) {
            throw new IdentityProviderUnavailable("No Keycloak administrator is configured: set"
                    + " tandem.identity.keycloak.admin-username and admin-password.");
        }
        var form = "grant_type=password&client_id=admin-cli&username=" + encode(properties.adminUsername())
                + "&password=" + encode(properties.adminPassword());
        var response = withRetries(
                "sign-in",
                () -> HttpRequest.newBuilder(
                                URI.create(properties.baseUrl() + "/realms/master/protocol/openid-connect/token"))
                        .timeout(properties.readTimeout())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(BodyPublishers.ofString(form))
                        .build());
        if (response.statusCode() != 200) {
            throw new IdentityProviderUnavailable("Keycloak at " + properties.baseUrl() + " refused the administrator '"
                    + properties.adminUsername() + "' (HTTP " + response.statusCode() + "). Check"
                    + " tandem.identity.keycloak.admin-username and admin-password.");
        }
        var token = JSON.readTree(response.body());
        long lifetime = token.path("expires_in").asLong(60);
        accessToken = token.path("access_token").asString();
        // Renew with a margin, so that a token never expires between our check and Keycloak's.
        accessTokenRenewal = Instant.now().plusSeconds(Math.max(lifetime - 15, lifetime / 2));
        return accessToken;
    }

    private synchronized void forgetToken() {
        accessToken = null;
    }

    /**
     * Sends the request, repeating it up to {@code retries} times with a growing pause after a connection error or a
     * 5xx answer; a 4xx answer is final and goes back to the caller.
     */
    private HttpResponse<String> withRetries(String what, Supplier<HttpRequest> request) {
        String failure = null;
        for (int attempt = 0; attempt <= properties.retries(); attempt++) {
            if (attempt > 0) {
                pause(BACKOFF.multipliedBy(attempt));
            }
            try {
                var response = http.send(request.get(), BodyHandlers.ofString());
                if (response.statusCode() < 500) {
                    return response;
                }
                failure = "HTTP " + response.statusCode() + ": " + abbreviate(response.body());
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IdentityProviderUnavailable("Interrupted while calling Keycloak (" + what + ").");
            }
            log.debug("Keycloak call {} failed on attempt {}: {}", what, attempt + 1, failure);
        }
        throw new IdentityProviderUnavailable(
                "Keycloak at " + properties.baseUrl() + " is unavailable: " + what
                        + " failed " + (properties.retries() + 1) + " times, last with " + failure
                        + ". Check that Keycloak is running and tandem.identity.keycloak.base-url points to it, then try again.");
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityProviderUnavailable("Interrupted while waiting to call Keycloak again.");
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int... accepted) {
        for (int status : accepted) {
            if (response.statusCode() == status) {
                return response;
            }
        }
        throw refused(response);
    }

    private static JsonNode expectJson(HttpResponse<String> response, int status) {
        return JSON.readTree(expect(response, status).body());
    }

    private static RuntimeException refused(HttpResponse<String> response) {
        var request =
                response.request().method() + " " + response.request().uri().getPath();
        if (response.statusCode() == 409) {
            return new IdentityConflict(
                    "Keycloak refused " + request + " because of a conflict: " + abbreviate(response.body()));
        }
        return new IdentityProviderUnavailable("Keycloak refused " + request + " with HTTP " + response.statusCode()
                + ": " + abbreviate(response.body()) + ". Check the administrator's roles and the realm's settings.");
    }

    private static String createdId(HttpResponse<String> response) {
        var location = response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IdentityProviderUnavailable(
                        "Keycloak created " + response.request().uri().getPath() + " but did not say where."));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static Set<String> strings(JsonNode array) {
        var values = new LinkedHashSet<String>();
        if (array instanceof ArrayNode) {
            array.values().forEach(value -> values.add(value.asString()));
        }
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 300 ? String.valueOf(body) : body.substring(0, 300) + "...";
    }
}

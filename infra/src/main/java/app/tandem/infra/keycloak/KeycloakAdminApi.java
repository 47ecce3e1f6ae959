package app.tandem.infra.keycloak;

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
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few calls of Keycloak's admin REST API that setting up the realm needs, signed in as an administrator of the
 * {@code master} realm. Dev services only: the application's own admin side uses {@code keycloak-admin-client}.
 */
final class KeycloakAdminApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String baseUrl;
    private final String accessToken;

    private KeycloakAdminApi(HttpClient http, String baseUrl, String accessToken) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.accessToken = accessToken;
    }

    /** Signs in with the password grant of client {@code admin-cli} in realm {@code master}. */
    static KeycloakAdminApi signIn(String baseUrl, String username, String password) {
        var http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        var form = form(
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", username, "password", password));
        var request = HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form))
                .build();
        var response = send(http, request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak at " + baseUrl + " refused the administrator " + username
                    + " (HTTP " + response.statusCode() + ": " + abbreviate(response.body()) + "). Check the admin"
                    + " username and password; the bootstrap admin exists only if it was set on the server's very"
                    + " first start on its database.");
        }
        var token = JSON.readTree(response.body()).path("access_token").asString();
        return new KeycloakAdminApi(http, baseUrl, token);
    }

    /** GET of an admin API path such as {@code /admin/realms/tandem}; empty when Keycloak answers 404. */
    Optional<JsonNode> find(String path) {
        var response = send(http, authorized(path).GET().build());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        expect(response, 200, "GET", path);
        return Optional.of(JSON.readTree(response.body()));
    }

    JsonNode get(String path) {
        return find(path).orElseThrow(() -> new IllegalStateException("Keycloak has no " + path));
    }

    /** POSTs a JSON body and returns the status, for callers that accept more than one outcome. */
    int post(String path, String json) {
        var response = postJson(path, json);
        if (response.statusCode() >= 300 && response.statusCode() != 409) {
            expect(response, 201, "POST", path);
        }
        return response.statusCode();
    }

    /** POSTs a new resource and returns its id, the last segment of the {@code Location} Keycloak answers with. */
    String create(String path, String json) {
        var response = postJson(path, json);
        expect(response, 201, "POST", path);
        var location = response.headers().firstValue("Location").orElse("");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private HttpResponse<String> postJson(String path, String json) {
        return send(
                http,
                authorized(path)
                        .header("Content-Type", "application/json")
                        .POST(BodyPublishers.ofString(json))
                        .build());
    }

    void put(String path, JsonNode body) {
        var response = send(
                http,
                authorized(path)
                        .header("Content-Type", "application/json")
                        .PUT(BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build());
        expect(response, 204, "PUT", path);
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json");
    }

    private static void expect(HttpResponse<String> response, int status, String method, String path) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Keycloak answered " + method + " " + path + " with HTTP "
                    + response.statusCode() + ": " + abbreviate(response.body()));
        }
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not answer " + request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling Keycloak", e);
        }
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String abbreviate(String body) {
        return body.length() <= 500 ? body : body.substring(0, 500) + "...";
    }
}

package app.tandem.infra.keycloak;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Signs a user in through the realm's login pages the way a browser would (authorization code + PKCE, form posts,
 * cookies), and returns the access token's claims. Java's cookie manager will not send Keycloak's {@code Secure}
 * cookies over plain HTTP, which browsers do for localhost, so this keeps its own cookies.
 */
final class BrowserlessLogin {

    static final String REDIRECT_URI = "http://localhost:8080/login/oauth2/code/keycloak";

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final Pattern INPUT_NAME = Pattern.compile("<input[^>]*name=\"([^\"]+)\"");

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final KeycloakCoordinates keycloak;

    BrowserlessLogin(KeycloakCoordinates keycloak) {
        this.keycloak = keycloak;
    }

    /** The claims of the access token that {@code scope} gets for the user, through client {@code tandem-web}. */
    JsonNode accessTokenClaims(String username, String password, String scope) {
        var verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        var authorize = keycloak.issuerUri() + "/protocol/openid-connect/auth?"
                + KeycloakAdminApi.form(Map.of(
                        "client_id",
                        keycloak.webClientId(),
                        "response_type",
                        "code",
                        "scope",
                        scope,
                        "redirect_uri",
                        REDIRECT_URI,
                        "state",
                        "test",
                        "code_challenge",
                        challenge(verifier),
                        "code_challenge_method",
                        "S256"));
        var page = send(HttpRequest.newBuilder(URI.create(authorize)).GET());
        // Identity-first login (organizations are on): a username page, then a password page.
        for (int step = 0; step < 4 && page.statusCode() == 200; step++) {
            var fields = new LinkedHashMap<String, String>();
            var inputs = INPUT_NAME.matcher(page.body());
            while (inputs.find()) {
                switch (inputs.group(1)) {
                    case "username" -> fields.put("username", username);
                    case "password" -> fields.put("password", password);
                    default -> {}
                }
            }
            var action = FORM_ACTION.matcher(page.body());
            if (!action.find()) {
                throw new IllegalStateException("Login page without a form: " + page.body());
            }
            page = send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(BodyPublishers.ofString(KeycloakAdminApi.form(fields))));
        }
        var last = page;
        var location = last.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IllegalStateException(
                        "The login did not redirect back (HTTP " + last.statusCode() + "): " + last.body()));
        var code = URI.create(location).getQuery().replaceAll(".*(?:^|&)code=([^&]+).*", "$1");
        var token = send(HttpRequest.newBuilder(URI.create(keycloak.issuerUri() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(KeycloakAdminApi.form(Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        code,
                        "redirect_uri",
                        REDIRECT_URI,
                        "client_id",
                        keycloak.webClientId(),
                        "client_secret",
                        keycloak.webClientSecret(),
                        "code_verifier",
                        verifier)))));
        if (token.statusCode() != 200) {
            throw new IllegalStateException("Token request failed: " + token.body());
        }
        var accessToken = KeycloakAdminApi.JSON
                .readTree(token.body())
                .path("access_token")
                .asString();
        var payload = Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]);
        return KeycloakAdminApi.JSON.readTree(new String(payload, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            var header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ")
                    .append(name)
                    .append('=')
                    .append(value));
            request.header("Cookie", header.toString());
        }
        var response = KeycloakAdminApi.send(http, request.build());
        for (var cookie : response.headers().allValues("Set-Cookie")) {
            var pair = cookie.split(";", 2)[0].split("=", 2);
            cookies.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        return response;
    }

    private static String challenge(String verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

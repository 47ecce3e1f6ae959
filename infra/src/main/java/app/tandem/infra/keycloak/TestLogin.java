package app.tandem.infra.keycloak;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Real tokens for tests: signs a user in through the realm's login pages the way a browser would (authorization code
 * + PKCE with client {@code tandem-web}, form posts, cookies), without a browser. The redirect back to the application
 * is never followed: the code is read from its {@code Location} header and exchanged for tokens right here, so nothing
 * needs to listen at the redirect URI, but Keycloak still checks that it is a registered redirect URI of the client.
 *
 * <p>Every sign-in starts without cookies, so one instance can sign in one user after another. Get one from {@link
 * TestKeycloak#login()}.
 */
public final class TestLogin {

    /** Where the application's own login redirects to by default; registered in the realm file. */
    public static final String DEFAULT_REDIRECT_URI = "http://localhost:8080/login/oauth2/code/keycloak";

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final Pattern INPUT_NAME = Pattern.compile("<input[^>]*name=\"([^\"]+)\"");

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final KeycloakCoordinates keycloak;
    private final String redirectUri;

    /** Signs in on the realm that {@code keycloak} describes, redirecting to {@link #DEFAULT_REDIRECT_URI}. */
    public TestLogin(KeycloakCoordinates keycloak) {
        this(keycloak, DEFAULT_REDIRECT_URI);
    }

    private TestLogin(KeycloakCoordinates keycloak, String redirectUri) {
        this.keycloak = keycloak;
        this.redirectUri = redirectUri;
    }

    /**
     * The same login with another redirect URI, e.g. {@code http://acme.localhost:43123/login/oauth2/code/keycloak}
     * for a tenant's host; it must be a registered redirect URI of client {@code tandem-web}.
     */
    public TestLogin withRedirectUri(String redirectUri) {
        return new TestLogin(keycloak, redirectUri);
    }

    public String redirectUri() {
        return redirectUri;
    }

    /**
     * Signs the user in and returns the token response, as the application's login would get it.
     *
     * @param username the username or the email address
     * @param scope the requested scope, e.g. {@code openid} or {@code openid organization:acme}
     * @throws IllegalStateException when Keycloak does not sign the user in; the message says what it answered
     */
    public Tokens tokens(String username, String password, String scope) {
        var cookies = new LinkedHashMap<String, String>();
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
                        redirectUri,
                        "state",
                        "test",
                        "code_challenge",
                        challenge(verifier),
                        "code_challenge_method",
                        "S256"));
        var page = send(HttpRequest.newBuilder(URI.create(authorize)).GET(), cookies);
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
                throw new IllegalStateException("Keycloak showed a page without a form while signing in " + username
                        + ": " + KeycloakAdminApi.abbreviate(page.body()));
            }
            page = send(
                    HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(BodyPublishers.ofString(KeycloakAdminApi.form(fields))),
                    cookies);
        }
        var code = code(page, username);
        var response = send(
                HttpRequest.newBuilder(URI.create(keycloak.issuerUri() + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(BodyPublishers.ofString(KeycloakAdminApi.form(Map.of(
                                "grant_type",
                                "authorization_code",
                                "code",
                                code,
                                "redirect_uri",
                                redirectUri,
                                "client_id",
                                keycloak.webClientId(),
                                "client_secret",
                                keycloak.webClientSecret(),
                                "code_verifier",
                                verifier)))),
                cookies);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "Keycloak refused to exchange the code of " + username + " for tokens (HTTP "
                            + response.statusCode() + "): " + KeycloakAdminApi.abbreviate(response.body()));
        }
        var json = KeycloakAdminApi.JSON.readTree(response.body());
        return new Tokens(
                json.path("access_token").asString(),
                json.path("refresh_token").asString(""),
                json.path("id_token").asString(""),
                Duration.ofSeconds(json.path("expires_in").asLong()));
    }

    /** The claims of the access token that {@code scope} gets for the user; see {@link #tokens}. */
    public JsonNode accessTokenClaims(String username, String password, String scope) {
        return tokens(username, password, scope).accessTokenClaims();
    }

    /** The payload of a JSON Web Token, decoded but not verified. */
    public static JsonNode claims(String jwt) {
        var parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("Not a JSON Web Token: " + KeycloakAdminApi.abbreviate(jwt));
        }
        var payload = Base64.getUrlDecoder().decode(parts[1]);
        return KeycloakAdminApi.JSON.readTree(new String(payload, StandardCharsets.UTF_8));
    }

    /** The authorization code from the redirect back to the application, which is read but not followed. */
    private String code(HttpResponse<String> last, String username) {
        var location = last.headers().firstValue("Location").orElse(null);
        if (location == null || !location.startsWith(redirectUri)) {
            var hint = last.statusCode() == 400
                    ? " Is " + redirectUri + " a registered redirect URI of client " + keycloak.webClientId() + "?"
                    : " Check the username and password, and that the user has no required actions left.";
            throw new IllegalStateException("Keycloak did not sign " + username + " in (HTTP " + last.statusCode()
                    + (location == null ? "" : ", redirect to " + location) + ")." + hint + " It answered: "
                    + KeycloakAdminApi.abbreviate(last.body()));
        }
        var query = parameters(URI.create(location).getRawQuery());
        if (!query.containsKey("code")) {
            throw new IllegalStateException("Keycloak redirected " + username + " back without a code: " + location);
        }
        return query.get("code");
    }

    private static Map<String, String> parameters(String query) {
        var parameters = new LinkedHashMap<String, String>();
        for (var pair : Optional.ofNullable(query).orElse("").split("&")) {
            var nameAndValue = pair.split("=", 2);
            if (nameAndValue.length == 2) {
                parameters.put(
                        URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    /**
     * Sends with the cookies set so far. Java's cookie manager will not send Keycloak's {@code Secure} cookies over
     * plain HTTP, which browsers do for localhost, so the cookies are kept here.
     */
    private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> cookies) {
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

    /**
     * The token response of a sign-in.
     *
     * @param accessToken the signed access token (a JWT), for an {@code Authorization: Bearer} header
     * @param refreshToken the refresh token; empty if Keycloak gave none
     * @param idToken the ID token; empty unless the scope held {@code openid}
     * @param expiresIn how long the access token was valid when it was issued
     */
    public record Tokens(String accessToken, String refreshToken, String idToken, Duration expiresIn) {

        /** The access token's claims, decoded but not verified. */
        public JsonNode accessTokenClaims() {
            return claims(accessToken);
        }

        /** The ID token's claims, decoded but not verified. */
        public JsonNode idTokenClaims() {
            return claims(idToken);
        }

        @Override
        public String toString() {
            // Records print every component; tokens are credentials, even in tests' logs.
            return "Tokens[expiresIn=" + expiresIn + "]";
        }
    }
}

package app.tandem.infra.keycloak;

import java.util.Map;

/**
 * Where a Keycloak server and its Tandem realm are, and how the application talks to them.
 *
 * @param baseUrl the server's root URL, e.g. {@code http://localhost:8180}
 * @param realm the realm name, {@code tandem}
 * @param issuerUri the realm's issuer, {@code <baseUrl>/realms/<realm>}: the {@code iss} of every token it signs
 * @param adminUsername an administrator of the {@code master} realm, who signs in with client {@code admin-cli}
 * @param adminPassword that administrator's password
 * @param webClientId the confidential client of the browser login
 * @param webClientSecret that client's secret
 */
public record KeycloakCoordinates(
        String baseUrl,
        String realm,
        String issuerUri,
        String adminUsername,
        String adminPassword,
        String webClientId,
        String webClientSecret) {

    /** The coordinates of {@code realm} on the server at {@code baseUrl}; the issuer follows from the two. */
    static KeycloakCoordinates of(String baseUrl, TandemRealm realm, String adminUsername, String adminPassword) {
        var root = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return new KeycloakCoordinates(
                root,
                realm.name(),
                root + "/realms/" + realm.name(),
                adminUsername,
                adminPassword,
                realm.webClientId(),
                realm.webClientSecret());
    }

    /**
     * The properties that point the application at this realm ({@code tandem.identity.keycloak.*}); identity derives
     * the browser login's endpoints and the token issuer from them.
     */
    public Map<String, Object> asProperties() {
        return Map.of(
                "tandem.identity.keycloak.base-url", baseUrl,
                "tandem.identity.keycloak.realm", realm,
                "tandem.identity.keycloak.admin-username", adminUsername,
                "tandem.identity.keycloak.admin-password", adminPassword,
                "tandem.identity.keycloak.web-client-id", webClientId,
                "tandem.identity.keycloak.web-client-secret", webClientSecret);
    }

    @Override
    public String toString() {
        // Records print every component; keep the secrets out of logs.
        return "KeycloakCoordinates[baseUrl=" + baseUrl + ", realm=" + realm + ", issuerUri=" + issuerUri
                + ", adminUsername=" + adminUsername + ", webClientId=" + webClientId + "]";
    }
}

package app.tandem.identity.keycloak;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Keycloak is and how Tandem administers it.
 *
 * <p>The administrator signs in to the {@code master} realm with client {@code admin-cli} and the password grant. That
 * is the dev and bootstrap path; production should use a service account with only the realm-management roles this
 * gateway needs, which is follow-up work.
 *
 * @param baseUrl the server's root URL as this application reaches it, e.g. {@code http://localhost:8180} or
 *     {@code http://keycloak.internal:8080}; required
 * @param publicUrl the server's root URL as browsers reach it, when it differs from {@code baseUrl} (Keycloak's
 *     {@code hostname}); the realm's issuer is made of it
 * @param realm the realm that holds Tandem's users and organizations
 * @param adminUsername an administrator of the {@code master} realm
 * @param adminPassword that administrator's password, from the environment only
 * @param webClientId the client of the browser login, on which tenant hosts are registered
 * @param webClientSecret that client's secret, from the environment only
 * @param connectTimeout how long to wait for a connection to Keycloak
 * @param readTimeout how long to wait for one answer of Keycloak
 * @param retries how often a call is repeated after a connection error or a 5xx answer (never after a 4xx)
 * @param tokenClockSkew how far a token's expiry may lie in the past, for clocks that disagree a little
 */
@ConfigurationProperties("tandem.identity.keycloak")
public record KeycloakProperties(
        String baseUrl,
        String publicUrl,
        @DefaultValue("tandem") String realm,
        String adminUsername,
        String adminPassword,
        @DefaultValue("tandem-web") String webClientId,
        String webClientSecret,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("2") int retries,
        @DefaultValue("30s") Duration tokenClockSkew) {

    public KeycloakProperties {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("Set tandem.identity.keycloak.base-url to the Keycloak server that holds"
                    + " the Tandem realm, e.g. http://localhost:8180 (local runs start one and set it themselves).");
        }
        baseUrl = withoutTrailingSlash(baseUrl);
        publicUrl = publicUrl == null || publicUrl.isBlank() ? baseUrl : withoutTrailingSlash(publicUrl);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The realm's issuer: every token it signs names it, and the browser logs in under it. */
    public String issuer() {
        return publicUrl + "/realms/" + realm;
    }

    /** The realm's OpenID Connect endpoints as this application reaches them. */
    public String backchannelIssuer() {
        return baseUrl + "/realms/" + realm;
    }

    @Override
    public String toString() {
        // Records print every component; keep the secrets out of logs.
        return "KeycloakProperties[baseUrl=" + baseUrl + ", publicUrl=" + publicUrl + ", realm=" + realm
                + ", adminUsername=" + adminUsername
                + ", webClientId=" + webClientId + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", retries=" + retries + "]";
    }
}

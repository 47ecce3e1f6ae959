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
 * @param baseUrl the server's root URL, e.g. {@code http://localhost:8180}; without it there is no Keycloak gateway
 * @param realm the realm that holds Tandem's users and organizations
 * @param adminUsername an administrator of the {@code master} realm
 * @param adminPassword that administrator's password, from the environment only
 * @param webClientId the client of the browser login, on which tenant hosts are registered
 * @param webClientSecret that client's secret, from the environment only
 * @param connectTimeout how long to wait for a connection to Keycloak
 * @param readTimeout how long to wait for one answer of Keycloak
 * @param retries how often a call is repeated after a connection error or a 5xx answer (never after a 4xx)
 */
@ConfigurationProperties("tandem.identity.keycloak")
record KeycloakProperties(
        String baseUrl,
        @DefaultValue("tandem") String realm,
        String adminUsername,
        String adminPassword,
        @DefaultValue("tandem-web") String webClientId,
        String webClientSecret,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("2") int retries) {

    KeycloakProperties {
        if (baseUrl != null && baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
    }

    @Override
    public String toString() {
        // Records print every component; keep the secrets out of logs.
        return "KeycloakProperties[baseUrl=" + baseUrl + ", realm=" + realm + ", adminUsername=" + adminUsername
                + ", webClientId=" + webClientId + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", retries=" + retries + "]";
    }
}

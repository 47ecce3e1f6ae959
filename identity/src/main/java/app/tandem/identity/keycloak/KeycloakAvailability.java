package app.tandem.identity.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether the realm answers, asked before a browser is sent to its login page (so a visitor gets a clear "sign-in is
 * unavailable" page of ours instead of a browser error) and by the health endpoint. One probe per few seconds at most.
 */
public class KeycloakAvailability {

    private static final Duration REMEMBERED = Duration.ofSeconds(5);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final URI discovery;
    private final HttpClient http;
    private volatile boolean reachable;
    private volatile Instant probedAt = Instant.MIN;

    KeycloakAvailability(KeycloakProperties properties) {
        this.discovery = URI.create(properties.backchannelIssuer() + "/.well-known/openid-configuration");
        this.http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
    }

    /** Whether the realm answered its discovery document within two seconds, asked at most every five seconds. */
    public boolean reachable() {
        if (probedAt.plus(REMEMBERED).isBefore(Instant.now())) {
            reachable = probe();
            probedAt = Instant.now();
        }
        return reachable;
    }

    /** Where the probe goes, for messages. */
    public URI discovery() {
        return discovery;
    }

    private boolean probe() {
        try {
            var response = http.send(
                    HttpRequest.newBuilder(discovery)
                            .timeout(PROBE_TIMEOUT)
                            .GET()
                            .build(),
                    BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package app.tandem.core.routing;

import app.tandem.core.CoreProperties;
import app.tandem.core.tenant.HostName;
import java.net.URI;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The addresses browsers use for the platform's hosts ({@code tandem.core.public-url.*}): what login redirects, links
 * in emails and registered redirect URIs are made of. Behind a load balancer that is {@code https://<host>}; in local
 * runs and tests {@code http://<host>:<the server's port>}.
 */
@Component
public class PublicAddresses implements ApplicationListener<WebServerInitializedEvent> {

    private final String scheme;
    private final Integer configuredPort;
    private final String apex;
    private volatile int serverPort = -1;

    PublicAddresses(CoreProperties properties) {
        this.scheme = properties.publicUrl().scheme();
        this.configuredPort = properties.publicUrl().port();
        this.apex = properties.baseDomain();
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // The application's own server, not a separate management server (whose context has a parent).
        if (event.getApplicationContext().getParent() == null) {
            serverListensOn(event.getWebServer().getPort());
        }
    }

    void serverListensOn(int port) {
        serverPort = port;
    }

    /** {@code <scheme>://<host>[:<port>]}, without a trailing slash. */
    public URI baseUrl(HostName host) {
        return baseUrl(host.value());
    }

    /** The base URL of the platform site (the base domain, which may be a single label such as localhost). */
    public URI apexBaseUrl() {
        return baseUrl(apex);
    }

    private URI baseUrl(String host) {
        var port = port();
        return URI.create(scheme + "://" + host + (port < 0 ? "" : ":" + port));
    }

    private int port() {
        if (configuredPort == null) {
            return -1;
        }
        if (configuredPort == 0) {
            // Before the server runs (or without one, as with MockMvc) there is no port to name.
            return serverPort;
        }
        return configuredPort;
    }
}

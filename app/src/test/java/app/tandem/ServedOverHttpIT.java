package app.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import app.tandem.core.test.TenantFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The application in a real servlet container, reached over a socket the way a browser reaches it: the host in the
 * {@code Host} header picks the tenant, and error pages come from the container's error dispatch.
 */
@AppIntegrationTest
class ServedOverHttpIT {

    @LocalServerPort
    int port;

    @Autowired
    TenantFixtures fixtures;

    @Test
    void servesTheApexAndATenantOnTheSamePortByHost() throws IOException {
        var tenant = fixtures.activeTenant("served");

        assertThat(get("localhost", "/")).startsWith("HTTP/1.1 200").contains("Mentoring programs that run themselves");
        assertThat(get(fixtures.hostOf(tenant), "/")).startsWith("HTTP/1.1 200").contains(tenant.displayName());
        assertThat(get(fixtures.hostOf(tenant), "/api/v1/tenant"))
                .startsWith("HTTP/1.1 200")
                .contains("\"slug\":\"" + tenant.slug().value() + "\"");
    }

    @Test
    void aMissingPageGetsTandemsOwnErrorPage() throws IOException {
        assertThat(get("localhost", "/css/no-such-file.css"))
                .startsWith("HTTP/1.1 404")
                .contains("This page does not exist");
    }

    @Test
    void aPageThatNeedsASignInSendsAVisitorToSignIn() throws IOException {
        assertThat(get("localhost", "/operator"))
                .startsWith("HTTP/1.1 302")
                .contains("Location: http://localhost:" + port + "/login");
    }

    @Test
    void anUnknownHostGetsItsPageFromTheRoutingFilter() throws IOException {
        assertThat(get("nobody.localhost", "/")).startsWith("HTTP/1.1 404").contains("No organization here");
    }

    private String get(String host, String path) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            var request = "GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nAccept: text/html,application/json\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            var response = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        }
    }
}

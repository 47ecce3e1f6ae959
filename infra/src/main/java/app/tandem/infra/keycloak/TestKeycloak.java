package app.tandem.infra.keycloak;

import app.tandem.infra.postgres.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Keycloak of a test JVM, started on first use and stopped when the JVM exits. It is the server that
 * {@value #URL_VARIABLE} names, where only the Tandem realm is made sure of, or else an embedded server (see
 * {@link KeycloakServer}) whose database is a fresh one on {@link TestPostgres}.
 */
public final class TestKeycloak {

    /** Root URL of an external Keycloak for tests, e.g. {@code http://keycloak:8080}. */
    public static final String URL_VARIABLE = "TANDEM_TEST_KEYCLOAK_URL";

    /** An administrator of the external server's {@code master} realm (default {@code admin}). */
    public static final String ADMIN_USERNAME_VARIABLE = "TANDEM_TEST_KEYCLOAK_ADMIN_USERNAME";

    public static final String ADMIN_PASSWORD_VARIABLE = "TANDEM_TEST_KEYCLOAK_ADMIN_PASSWORD";

    private static final Logger log = LoggerFactory.getLogger(TestKeycloak.class);
    private static volatile TestKeycloak instance;

    private final KeycloakCoordinates coordinates;
    private final int smtpPort;
    private final KeycloakServer server;

    private TestKeycloak(KeycloakCoordinates coordinates, int smtpPort, KeycloakServer server) {
        this.coordinates = coordinates;
        this.smtpPort = smtpPort;
        this.server = server;
    }

    /** The JVM's server, started on first call. */
    public static TestKeycloak get() {
        var current = instance;
        if (current == null) {
            synchronized (TestKeycloak.class) {
                current = instance;
                if (current == null) {
                    current = start();
                    instance = current;
                }
            }
        }
        return current;
    }

    private static TestKeycloak start() {
        // A port of its own, so that a test's SMTP server never collides with a local run's mailbox on 2525.
        int smtpPort = freePort();
        var url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            var username = System.getenv().getOrDefault(ADMIN_USERNAME_VARIABLE, "admin");
            var password = System.getenv().getOrDefault(ADMIN_PASSWORD_VARIABLE, "admin");
            var realm = TandemRealm.load(Map.of(TandemRealm.SMTP_PORT_VARIABLE, String.valueOf(smtpPort)));
            var coordinates = KeycloakCoordinates.of(url, realm, username, password);
            realm.ensureOn(KeycloakAdminApi.signIn(coordinates.baseUrl(), username, password));
            log.info("Tests use the external Keycloak at {}", coordinates.baseUrl());
            return new TestKeycloak(coordinates, smtpPort, null);
        }
        try {
            // Beside the test reports when run by Maven (the module directory has a target/), so it is easy to find.
            var target = Path.of("target");
            var directory = Files.isDirectory(target) ? target : Files.createTempDirectory("tandem-test-keycloak");
            var logFile =
                    directory.resolve("test-keycloak-" + ProcessHandle.current().pid() + ".log");
            var settings = KeycloakServer.Settings.of(
                            TestPostgres.get().createDatabase(),
                            "admin",
                            UUID.randomUUID().toString(),
                            logFile)
                    .withSmtpPort(smtpPort);
            // Never closed by the tests: the server's own shutdown hook stops it when the JVM exits.
            var server = KeycloakServer.start(settings);
            log.info(
                    "Tests use an embedded Keycloak at {}, ready after {} s",
                    server.coordinates().baseUrl(),
                    server.startupTime().toSeconds());
            return new TestKeycloak(server.coordinates(), smtpPort, server);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make a directory for the test Keycloak's log", e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port", e);
        }
    }

    /** How tests reach the server and its Tandem realm. */
    public KeycloakCoordinates coordinates() {
        return coordinates;
    }

    /**
     * The port on localhost that the realm sends its mail to when this JVM created it; a test SMTP server (GreenMail)
     * listens there to read invitations and verification mails.
     */
    public int smtpPort() {
        return smtpPort;
    }

    /** {@code external} or {@code embedded}. */
    public String kind() {
        return server == null ? "external" : "embedded";
    }

    /** Signs users in through the realm's login pages, for real tokens; see {@link TestLogin}. */
    public TestLogin login() {
        return new TestLogin(coordinates);
    }

    /** Signs in to the admin API, for tests in this package that look at what the realm holds. */
    KeycloakAdminApi admin() {
        return server != null
                ? server.admin()
                : KeycloakAdminApi.signIn(
                        coordinates.baseUrl(), coordinates.adminUsername(), coordinates.adminPassword());
    }

    /** The embedded server, or null when the tests use an external one. */
    KeycloakServer server() {
        return server;
    }
}

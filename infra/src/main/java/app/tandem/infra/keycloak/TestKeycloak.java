package app.tandem.infra.keycloak;

import app.tandem.infra.mail.TestMailbox;
import app.tandem.infra.postgres.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

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
    private static final String ACCESS_TOKEN_LIFESPAN = "access.token.lifespan";
    private static volatile TestKeycloak instance;

    private final KeycloakCoordinates coordinates;
    private final int smtpPort;
    private final KeycloakServer server;
    // What the web client's access-token lifespan was before a test changed it; null while unchanged.
    private String originalAccessTokenLifespan;

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
        // The port of the JVM's test mailbox (a free one, never a local run's 2525), so that Keycloak's mail lands
        // where the tests read the application's.
        int smtpPort = TestMailbox.jvmPort();
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

    /** How tests reach the server and its Tandem realm. */
    public KeycloakCoordinates coordinates() {
        return coordinates;
    }

    /**
     * The port on localhost that the realm sends its mail to when this JVM created it: that of {@link
     * TestMailbox#get()}, where tests read invitations and verification mails.
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

    /**
     * Creates a user of the Tandem realm who can sign in at once: the username is {@code email}, the email counts as
     * verified, the password is not temporary and no required action is left.
     *
     * @return the new user's id
     */
    public String createUser(String email, String firstName, String lastName, String password) {
        var user = KeycloakAdminApi.JSON.createObjectNode();
        user.put("username", email);
        user.put("email", email);
        user.put("emailVerified", true);
        user.put("enabled", true);
        user.put("firstName", firstName);
        user.put("lastName", lastName);
        user.putArray("requiredActions");
        user.putArray("credentials")
                .addObject()
                .put("type", "password")
                .put("value", password)
                .put("temporary", false);
        return admin().create(realmPath("/users"), KeycloakAdminApi.JSON.writeValueAsString(user));
    }

    /**
     * Makes the access tokens of client {@code tandem-web} expire after {@code lifespan} (whole seconds, at least one),
     * e.g. to see what the application does with an expired token. It holds for the whole test JVM until {@link
     * #restoreAccessTokenLifespan()}, so call that when the test is done.
     */
    public synchronized void setAccessTokenLifespan(Duration lifespan) {
        if (lifespan.toSeconds() < 1) {
            throw new IllegalArgumentException("Keycloak counts token lifespans in whole seconds: " + lifespan);
        }
        var admin = admin();
        var client = webClient(admin);
        if (originalAccessTokenLifespan == null) {
            originalAccessTokenLifespan =
                    client.path("attributes").path(ACCESS_TOKEN_LIFESPAN).asString("");
        }
        updateAccessTokenLifespan(admin, client, String.valueOf(lifespan.toSeconds()));
    }

    /** Gives the web client's access tokens back the lifespan they had before {@link #setAccessTokenLifespan}. */
    public synchronized void restoreAccessTokenLifespan() {
        if (originalAccessTokenLifespan == null) {
            return;
        }
        var admin = admin();
        updateAccessTokenLifespan(admin, webClient(admin), originalAccessTokenLifespan);
        originalAccessTokenLifespan = null;
    }

    private JsonNode webClient(KeycloakAdminApi admin) {
        var clients = admin.get(realmPath("/clients?clientId=" + coordinates.webClientId()));
        if (clients.size() != 1) {
            throw new IllegalStateException(
                    "The realm has no single client " + coordinates.webClientId() + ": " + clients);
        }
        return clients.get(0);
    }

    private void updateAccessTokenLifespan(KeycloakAdminApi admin, JsonNode client, String seconds) {
        // The whole representation goes back, so that nothing else about the client changes.
        var update = (ObjectNode) client.deepCopy();
        // An empty value means none of the client's own: its tokens live as long as the realm says.
        update.withObjectProperty("attributes").put(ACCESS_TOKEN_LIFESPAN, seconds);
        admin.put(realmPath("/clients/" + client.path("id").asString()), update);
    }

    private String realmPath(String path) {
        return "/admin/realms/" + coordinates.realm() + path;
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

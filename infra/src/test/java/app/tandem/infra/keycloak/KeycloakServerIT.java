package app.tandem.infra.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tandem.infra.Ports;
import app.tandem.infra.postgres.DatabaseCoordinates;
import app.tandem.infra.postgres.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A server of its own (not the JVM's {@link TestKeycloak}), since these tests stop it. */
class KeycloakServerIT {

    private static final Logger log = LoggerFactory.getLogger(KeycloakServerIT.class);

    @TempDir
    Path directory;

    @Test
    void stopsItsWholeProcessTreeAndKeepsItsRealmAcrossRestarts() {
        var settings =
                KeycloakServer.Settings.of(TestPostgres.get().createDatabase(), "admin", "first-start", log("1"));
        String realmId;
        int httpPort;
        int managementPort;
        var tree = new ArrayList<ProcessHandle>();
        try (var server = KeycloakServer.start(settings)) {
            log.info(
                    "Keycloak on a fresh database was ready after {} ms",
                    server.startupTime().toMillis());
            httpPort = URI.create(server.coordinates().baseUrl()).getPort();
            managementPort = server.managementPort();
            tree.add(server.process());
            server.process().descendants().forEach(tree::add);
            assertThat(tree).allMatch(ProcessHandle::isAlive);
            assertThat(Ports.answers(httpPort)).isTrue();
            realmId = server.admin().get("/admin/realms/tandem").path("id").asString();
        }

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(Ports.answers(httpPort)).isFalse();
        assertThat(Ports.answers(managementPort)).isFalse();

        // A local run's second start: same database, so the admin and the realm are already there.
        try (var again = KeycloakServer.start(settings.withHttpPort(httpPort))) {
            log.info(
                    "Keycloak on its existing database was ready after {} ms",
                    again.startupTime().toMillis());
            var admin = again.admin();
            assertThat(admin.get("/admin/realms/tandem").path("id").asString()).isEqualTo(realmId);
            assertThat(TandemRealm.load(Map.of()).ensureOn(admin)).isEqualTo(TandemRealm.Outcome.EXISTED);
        }
    }

    @Test
    void failsWithTheEndOfItsLogWhenItCannotStart() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var nowhere =
                new DatabaseCoordinates("jdbc:postgresql://127.0.0.1:" + closedPort + "/keycloak", "postgres", "");
        var logFile = log("broken");

        assertThatThrownBy(() -> KeycloakServer.start(KeycloakServer.Settings.of(nowhere, "admin", "admin", logFile)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Keycloak exited with code")
                .hasMessageContaining(logFile.toString())
                .hasMessageContaining(String.valueOf(closedPort));
    }

    private Path log(String name) {
        return directory.resolve("keycloak-" + name + ".log");
    }
}

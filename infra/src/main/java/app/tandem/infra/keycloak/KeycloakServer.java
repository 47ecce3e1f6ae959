package app.tandem.infra.keycloak;

import app.tandem.infra.postgres.DatabaseCoordinates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Keycloak server ({@code kc.sh start-dev}) running as a child process on loopback, with its data in PostgreSQL
 * and the Tandem realm in place. {@link #close()} stops it and everything it started.
 *
 * <p>Its database is always PostgreSQL, for tests as for local runs: the database is a Quarkus build option, and
 * keeping every build option the same means Keycloak re-augments the shared distribution once, not on every start.
 */
public final class KeycloakServer implements AutoCloseable {

    /**
     * How to start a server.
     *
     * @param database the PostgreSQL database Keycloak keeps its data in (it creates its tables on first start)
     * @param httpPort the HTTP port on 127.0.0.1; 0 picks a free one
     * @param adminUsername the bootstrap administrator of the {@code master} realm, created on the database's first
     *     start only
     * @param adminPassword that administrator's password
     * @param smtpPort the port of the SMTP server on localhost that the realm sends mail to, if it creates the realm
     * @param logFile where the server's output goes
     * @param startupTimeout how long to wait for the server to be ready before giving up
     */
    public record Settings(
            DatabaseCoordinates database,
            int httpPort,
            String adminUsername,
            String adminPassword,
            int smtpPort,
            Path logFile,
            Duration startupTimeout) {

        /** Settings with a free HTTP port, SMTP on port 2525 and a startup timeout of three minutes. */
        public static Settings of(
                DatabaseCoordinates database, String adminUsername, String adminPassword, Path logFile) {
            return new Settings(database, 0, adminUsername, adminPassword, 2525, logFile, Duration.ofMinutes(3));
        }

        public Settings withHttpPort(int port) {
            return new Settings(database, port, adminUsername, adminPassword, smtpPort, logFile, startupTimeout);
        }

        public Settings withSmtpPort(int port) {
            return new Settings(database, httpPort, adminUsername, adminPassword, port, logFile, startupTimeout);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final int LOG_LINES_IN_ERRORS = 40;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int managementPort;
    private final Path logFile;
    private final KeycloakCoordinates coordinates;
    private final Duration startupTime;
    private final Thread stopOnExit;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KeycloakServer(
            Process process,
            int managementPort,
            Path logFile,
            KeycloakCoordinates coordinates,
            Duration startupTime,
            Thread stopOnExit) {
        this.process = process;
        this.managementPort = managementPort;
        this.logFile = logFile;
        this.coordinates = coordinates;
        this.startupTime = startupTime;
        this.stopOnExit = stopOnExit;
    }

    /**
     * Starts Keycloak and waits until it is ready and has the Tandem realm. Throws, with the end of Keycloak's log,
     * when it does not get there within the startup timeout.
     */
    public static KeycloakServer start(Settings settings) {
        var home = KeycloakDistribution.pinned().home();
        int httpPort = settings.httpPort() > 0 ? requireFree(settings.httpPort()) : freePort();
        int managementPort = freePort();
        var baseUrl = "http://localhost:" + httpPort;
        var realm = TandemRealm.load(Map.of(TandemRealm.SMTP_PORT_VARIABLE, String.valueOf(settings.smtpPort())));
        var logFile = settings.logFile().toAbsolutePath();
        long started;
        Process process;
        // Starts from one distribution directory take turns, across JVMs too: Keycloak may write its build there.
        try (var turn = StartLock.take(home, settings.startupTimeout())) {
            Files.createDirectories(logFile.getParent());
            started = System.nanoTime();
            process = command(home, settings, httpPort, managementPort, baseUrl)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            log.info("Starting Keycloak on {} (log: {})", baseUrl, logFile);
            try {
                awaitReady(process, managementPort, logFile, settings.startupTimeout());
            } catch (RuntimeException e) {
                stop(process);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak from " + home + " (log: " + logFile + ")", e);
        }
        var stopOnExit = new Thread(() -> stop(process), "keycloak-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        var startupTime = Duration.ofNanos(System.nanoTime() - started);
        var server = new KeycloakServer(
                process,
                managementPort,
                logFile,
                KeycloakCoordinates.of(baseUrl, realm, settings.adminUsername(), settings.adminPassword()),
                startupTime,
                stopOnExit);
        try {
            realm.ensureOn(server.admin());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        log.info("Keycloak is ready on {} after {} s (log: {})", baseUrl, startupTime.toSeconds(), logFile);
        return server;
    }

    private static ProcessBuilder command(
            Path home, Settings settings, int httpPort, int managementPort, String baseUrl) {
        var database = settings.database();
        var command = new ArrayList<>(List.of(
                home.resolve("bin").resolve("kc.sh").toString(),
                "start-dev",
                "--db=postgres",
                "--db-url=" + database.jdbcUrl(),
                "--db-username=" + database.username(),
                "--health-enabled=true",
                "--http-host=" + LOOPBACK,
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                // One issuer however the server is reached (localhost, 127.0.0.1): tokens must match issuer-uri.
                "--hostname=" + baseUrl,
                "--hostname-strict=false"));
        var builder = new ProcessBuilder(command).directory(home.toFile());
        var environment = builder.environment();
        // A developer's own Keycloak settings would change the build options or the database.
        environment.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("JAVA_OPTS"));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", settings.adminUsername());
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", settings.adminPassword());
        // Through the environment rather than the command line, which every user of the machine can read.
        if (!database.password().isEmpty()) {
            environment.put("KC_DB_PASSWORD", database.password());
        }
        return builder;
    }

    private static void awaitReady(Process process, int managementPort, Path logFile, Duration timeout) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var health = HttpRequest.newBuilder(URI.create("http://" + LOOPBACK + ":" + managementPort + "/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure("Keycloak exited with code " + process.exitValue() + " before it was ready", logFile);
            }
            try {
                var response = http.send(health, BodyHandlers.ofString());
                if (response.statusCode() == 200
                        && KeycloakAdminApi.JSON
                                .readTree(response.body())
                                .path("status")
                                .asString()
                                .equals("UP")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak (log: " + logFile + ")", e);
            }
            // waiting on the process rather than sleeping notices at once when Keycloak dies
            waitForExit(process, Duration.ofMillis(250), logFile);
        }
        throw failure("Keycloak was not ready within " + timeout.toSeconds() + " s", logFile);
    }

    private static void waitForExit(Process process, Duration timeout, Path logFile) {
        try {
            process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Keycloak (log: " + logFile + ")", e);
        }
    }

    private static IllegalStateException failure(String what, Path logFile) {
        return new IllegalStateException(what + ". Its log is " + logFile + "; it ends with:\n" + tail(logFile));
    }

    static String tail(Path logFile) {
        try {
            var lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_IN_ERRORS), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(could not read it: " + e.getMessage() + ")";
        }
    }

    /** The server's coordinates, for {@link KeycloakCoordinates#asProperties()}. */
    public KeycloakCoordinates coordinates() {
        return coordinates;
    }

    /** Where the server's output goes. */
    public Path logFile() {
        return logFile;
    }

    /** From launching {@code kc.sh} until Keycloak reported ready. */
    public Duration startupTime() {
        return startupTime;
    }

    int managementPort() {
        return managementPort;
    }

    ProcessHandle process() {
        return process.toHandle();
    }

    KeycloakAdminApi admin() {
        return KeycloakAdminApi.signIn(
                "http://" + LOOPBACK + ":" + URI.create(coordinates.baseUrl()).getPort(),
                coordinates.adminUsername(),
                coordinates.adminPassword());
    }

    /** Stops Keycloak and every process it started, forcibly if it has not stopped after 30 s. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // the JVM is shutting down, and the hook is stopping the server anyway
        }
        stop(process);
        log.info("Keycloak on {} stopped", coordinates.baseUrl());
    }

    /** kc.sh runs Keycloak's JVM as its child: stop the descendants, then kc.sh, so that nothing is left running. */
    static void stop(Process process) {
        var tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        if (!awaitExit(tree, STOP_TIMEOUT)) {
            log.warn("Keycloak did not stop within {} s; killing it", STOP_TIMEOUT.toSeconds());
            tree.forEach(ProcessHandle::destroyForcibly);
            awaitExit(tree, Duration.ofSeconds(10));
        }
    }

    private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (var process : processes) {
            try {
                long left = deadline - System.nanoTime();
                process.onExit().get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                // onExit never completes exceptionally; nothing to wait for
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port on " + LOOPBACK, e);
        }
    }

    private static int requireFree(int port) {
        try (var socket = new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK))) {
            return port;
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " on " + LOOPBACK + " is taken, so Keycloak cannot use"
                    + " it. Is a Keycloak from an earlier run still there (look for kc.sh / quarkus-run.jar in your"
                    + " process list)? Stop it, or pick another port.");
        }
    }

    /** An exclusive lock on a file beside the distribution, held while one server starts. */
    private record StartLock(FileChannel channel, FileLock lock) implements AutoCloseable {

        static StartLock take(Path home, Duration timeout) throws IOException {
            var channel = FileChannel.open(
                    home.resolveSibling(home.getFileName() + ".start.lock"),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            try {
                // Another JVM starting a Keycloak from the same directory holds the lock until its server is up.
                var lock = Awaitility.await("the start lock of " + home)
                        .atMost(timeout)
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> tryLock(channel), Objects::nonNull);
                return new StartLock(channel, lock);
            } catch (ConditionTimeoutException e) {
                channel.close();
                throw new IllegalStateException(
                        "Another Keycloak has been starting from " + home + " for longer than " + timeout.toSeconds()
                                + " s; is a test or local run stuck?",
                        e);
            } catch (RuntimeException e) {
                channel.close();
                throw e;
            }
        }

        private static FileLock tryLock(FileChannel channel) throws IOException {
            try {
                return channel.tryLock();
            } catch (OverlappingFileLockException e) {
                return null; // another thread of this JVM holds it
            }
        }

        @Override
        public void close() throws IOException {
            lock.release();
            channel.close();
        }
    }
}

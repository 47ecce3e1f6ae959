package app.tandem.infra.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL server of a test JVM, started on first use and stopped when the JVM exits. It is, in this order:
 * the server that {@value #URL_VARIABLE} names (its user must be allowed to create databases); a Testcontainers
 * PostgreSQL when a Docker engine answers; otherwise an embedded PostgreSQL in a throw-away directory. Each caller of
 * {@link #createDatabase()} gets a fresh, empty database on it.
 */
public final class TestPostgres {

    /** JDBC URL of an external PostgreSQL for tests, e.g. {@code jdbc:postgresql://db:5432/postgres}. */
    public static final String URL_VARIABLE = "TANDEM_TEST_DATABASE_URL";

    public static final String USER_VARIABLE = "TANDEM_TEST_DATABASE_USER";
    public static final String PASSWORD_VARIABLE = "TANDEM_TEST_DATABASE_PASSWORD";

    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);
    private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(.*)$");
    private static final AtomicInteger databases = new AtomicInteger();
    private static volatile TestPostgres instance;

    private final DatabaseCoordinates admin;
    private final String kind;

    private TestPostgres(DatabaseCoordinates admin, String kind) {
        this.admin = admin;
        this.kind = kind;
    }

    /** The JVM's server, started on first call. */
    public static TestPostgres get() {
        var current = instance;
        if (current == null) {
            synchronized (TestPostgres.class) {
                current = instance;
                if (current == null) {
                    current = start();
                    instance = current;
                }
            }
        }
        return current;
    }

    private static TestPostgres start() {
        var url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            var user = System.getenv().getOrDefault(USER_VARIABLE, "postgres");
            var password = System.getenv().getOrDefault(PASSWORD_VARIABLE, "");
            log.info("Tests use the external PostgreSQL at {}", url);
            return new TestPostgres(new DatabaseCoordinates(url, user, password), "external");
        }
        if (dockerAnswers()) {
            var container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-postgres-stop"));
            log.info("Tests use a Testcontainers PostgreSQL at {}", container.getJdbcUrl());
            return new TestPostgres(
                    new DatabaseCoordinates(container.getJdbcUrl(), container.getUsername(), container.getPassword()),
                    "testcontainers");
        }
        try {
            var directory = Files.createTempDirectory("tandem-test-postgres");
            var server = LocalPostgres.embeddedBuilder(0, false)
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(true)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(server), "test-postgres-stop"));
            log.info("Tests use an embedded PostgreSQL on port {}", server.getPort());
            return new TestPostgres(
                    new DatabaseCoordinates(server.getJdbcUrl(LocalPostgres.USER, "postgres"), LocalPostgres.USER, ""),
                    "embedded");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", e);
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Test PostgreSQL did not stop cleanly", e);
        }
    }

    /** How this server was started: {@code external}, {@code testcontainers} or {@code embedded}. */
    public String kind() {
        return kind;
    }

    /** Creates a new, empty database and returns how to reach it. */
    public DatabaseCoordinates createDatabase() {
        var name = "tandem_test_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (var connection = DriverManager.getConnection(admin.jdbcUrl(), admin.username(), admin.password());
                var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + name + " on " + kind, e);
        }
        var matcher = DATABASE_IN_URL.matcher(admin.jdbcUrl());
        if (!matcher.matches()) {
            throw new IllegalStateException("Not a PostgreSQL JDBC URL: " + admin.jdbcUrl());
        }
        var url = matcher.group(1) + name + matcher.group(3);
        return new DatabaseCoordinates(url, admin.username(), admin.password());
    }
}

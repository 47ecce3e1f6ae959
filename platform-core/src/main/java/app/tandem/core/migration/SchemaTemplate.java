package app.tandem.core.migration;

import app.tandem.core.tenant.TenantId;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a new tenant's schema already migrated, in one round trip and one transaction. The template schema
 * {@value #TEMPLATE_SCHEMA} is migrated with Flyway once per run; a new schema then gets the same migrations replayed
 * as one script and a copy of the template's Flyway history, so Flyway sees it as fully migrated. When a migration
 * cannot run inside a transaction, or the template does not match this node's migrations, it falls back to plain
 * Flyway.
 */
public class SchemaTemplate {

    /** The schema the replay is checked against; no tenant schema can have this name. */
    public static final String TEMPLATE_SCHEMA = "tenant_template";

    private static final String TEMPLATE_HISTORY = TEMPLATE_SCHEMA + ".flyway_schema_history";

    private static final Logger log = LoggerFactory.getLogger(SchemaTemplate.class);

    private final DataSource dataSource;
    private final TenantMigrator migrator;
    private volatile String replay;
    private volatile boolean prepared;

    public SchemaTemplate(DataSource dataSource, TenantMigrator migrator) {
        this.dataSource = dataSource;
        this.migrator = migrator;
    }

    /** Migrates the template schema and readies the replay script; idempotent and safe on several nodes at once. */
    public synchronized void prepare() {
        if (prepared) {
            return;
        }
        long started = System.nanoTime();
        migrator.flyway(TEMPLATE_SCHEMA, true).migrate();
        var script = migrator.scripts().replayScript();
        if (script == null) {
            log.info("A tenant migration must run outside a transaction; new schemas are built with plain Flyway");
        }
        replay = script == null ? null : buildReplay(script, migrator.scripts().versionedCount());
        prepared = true;
        log.info(
                "Tenant schema template is at version {} ({} ms)",
                migrator.latestVersion(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /**
     * The statements that build a schema named {@code {schema}}: the migrations, then a copy of the template's Flyway
     * history table with the same constraint and index names Flyway gave it, and its rows.
     */
    private String buildReplay(String migrations, int versionedCount) {
        var history = "\"{schema}\".flyway_schema_history";
        var replay = new StringBuilder()
                .append("create schema \"{schema}\";\n")
                .append("set local search_path to \"{schema}\";\n")
                .append(migrations)
                .append("create table ")
                .append(history)
                .append(" (like " + TEMPLATE_HISTORY + " including defaults including identity"
                        + " including storage including comments);\n");
        for (var constraint : templateHistoryConstraints()) {
            replay.append("alter table ")
                    .append(history)
                    .append(" add ")
                    .append(constraint)
                    .append(";\n");
        }
        for (var index : templateHistoryIndexes()) {
            replay.append(index.replace(" ON " + TEMPLATE_HISTORY + " ", " ON " + history + " "))
                    .append(";\n");
        }
        return replay.append("insert into ")
                .append(history)
                .append(" select * from " + TEMPLATE_HISTORY + ";\n")
                .append("update ")
                .append(history)
                .append(" set installed_on = now();\n")
                .append("do $tandem$ begin if (select count(*) from ")
                .append(history)
                .append(" where version is not null and success) <> ")
                .append(versionedCount)
                .append(" then raise exception 'tenant schema template does not match this node''s migrations';")
                .append(" end if; end $tandem$;\n")
                .toString();
    }

    private List<String> templateHistoryConstraints() {
        return queryStrings("""
                select 'constraint ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid)
                from pg_constraint where conrelid = '%s'::regclass order by conname""".formatted(TEMPLATE_HISTORY));
    }

    private List<String> templateHistoryIndexes() {
        return queryStrings("""
                select indexdef from pg_indexes i
                where schemaname = '%s' and tablename = 'flyway_schema_history'
                  and not exists (select 1 from pg_constraint c
                                  where c.conrelid = '%s'::regclass and c.conname = i.indexname)
                order by indexname""".formatted(TEMPLATE_SCHEMA, TEMPLATE_HISTORY));
    }

    private List<String> queryStrings(String sql) {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            var values = new ArrayList<String>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the template's Flyway history table", e);
        }
    }

    /**
     * Creates {@code tenant}'s schema with every migration applied and records it as current. If the schema already
     * exists (a resumed provisioning), it is migrated instead, so calling this twice is harmless.
     */
    public void createSchema(TenantId tenant) {
        prepare();
        long started = System.nanoTime();
        if (schemaExists(tenant.schemaName())) {
            var outcome = migrator.migrate(tenant);
            if (outcome == TenantMigrator.Outcome.FAILED) {
                throw new IllegalStateException("The existing schema of tenant " + tenant + " could not be migrated");
            }
            return;
        }
        if (replay == null) {
            migrator.migrateNewSchema(tenant);
            return;
        }
        try {
            cloneInto(tenant.schemaName());
        } catch (SQLException e) {
            if (schemaExists(tenant.schemaName())) {
                throw new IllegalStateException("Could not create the schema of tenant " + tenant, e);
            }
            log.warn("Building tenant {} from the template failed ({}); using plain Flyway", tenant, e.getMessage());
            migrator.migrateNewSchema(tenant);
            return;
        }
        migrator.recordCurrent(tenant, Duration.ofNanos(System.nanoTime() - started));
    }

    private void cloneInto(String schema) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute(replay.replace("{schema}", schema));
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** Drops a tenant's schema and everything in it; used to undo provisioning and to delete a tenant. */
    public void dropSchema(TenantId tenant) {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("drop schema if exists \"" + tenant.schemaName() + "\" cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop the schema of tenant " + tenant, e);
        }
    }

    boolean schemaExists(String schema) {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("select 1 from pg_namespace where nspname = ?")) {
            statement.setString(1, schema);
            try (var rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up schema " + schema, e);
        }
    }
}

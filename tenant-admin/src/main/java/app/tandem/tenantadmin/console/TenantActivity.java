package app.tandem.tenantadmin.console;

import app.tandem.core.tenant.Tenant;
import app.tandem.core.tenant.TenantId;
import app.tandem.core.tenant.TenantRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each tenant's members and last activity, read from the {@code members} table of its schema (identity's table:
 * {@code status}, {@code last_seen_at}). The list works from a snapshot in {@code platform.tenant_activity} that
 * {@link #refresh()} rewrites every {@code tandem.tenantadmin.console.activity-refresh-interval} with one query per
 * hundred tenants; a tenant's detail page reads its own figures live and updates its line of the snapshot.
 */
@Component
class TenantActivity {

    private static final Logger log = LoggerFactory.getLogger(TenantActivity.class);

    /** Schema names come from the registry; this check keeps anything else out of the SQL built from them. */
    private static final Pattern SCHEMA = Pattern.compile("tenant_[0-9a-f]{32}");

    private static final int CHUNK = 100;

    /** The advisory lock that lets one node at a time refresh the snapshot. */
    private static final long LOCK = 0x7461_6e64_656d_0001L;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TenantRegistry registry;
    private final Clock clock;

    TenantActivity(DataSource dataSource, JdbcClient jdbc, TenantRegistry registry, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * A tenant's member figures.
     *
     * @param members every member, deactivated ones included
     * @param activeMembers members who are not deactivated
     * @param lastActivityAt when a member was last seen (to five minutes), or null if none ever was
     */
    record Figures(int members, int activeMembers, Instant lastActivityAt) {}

    private record Line(UUID tenant, Figures figures) {}

    /** The tenant's figures read now, and written to the snapshot; empty when its schema has no members table. */
    Optional<Figures> live(Tenant tenant) {
        var schema = schemaOf(tenant.id());
        var exists = jdbc.sql("select to_regclass(?) is not null")
                .param("\"" + schema + "\".members")
                .query(Boolean.class)
                .single();
        if (!exists) {
            return Optional.empty();
        }
        var figures = jdbc.sql("select count(*), count(*) filter (where status = 'ACTIVE'), max(last_seen_at) from \""
                        + schema + "\".members")
                .query((row, n) -> new Figures(row.getInt(1), row.getInt(2), TenantListing.instant(row, 3)))
                .single();
        jdbc.sql(UPSERT)
                .params(
                        tenant.id().value(),
                        figures.members(),
                        figures.activeMembers(),
                        timestamp(figures.lastActivityAt()),
                        Timestamp.from(clock.instant()))
                .update();
        return Optional.of(figures);
    }

    private static final String UPSERT = """
            insert into platform.tenant_activity (tenant_id, members, active_members, last_activity_at, refreshed_at)
            values (?, ?, ?, ?, ?)
            on conflict (tenant_id) do update set
                members = excluded.members,
                active_members = excluded.active_members,
                last_activity_at = excluded.last_activity_at,
                refreshed_at = excluded.refreshed_at
            """;

    @Scheduled(
            fixedDelayString = "${tandem.tenantadmin.console.activity-refresh-interval:10m}",
            initialDelayString = "${tandem.tenantadmin.console.activity-initial-delay:20s}")
    void refreshOnSchedule() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("The fleet snapshot of members and activity could not be refreshed: {}", e.toString());
        }
    }

    /**
     * Reads every tenant's figures into the snapshot, a hundred tenants per query, unless another node is doing it
     * right now. Returns how many tenants were read, or -1 when another node held the lock.
     */
    int refresh() {
        long started = System.nanoTime();
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!tryLock(connection)) {
                return -1;
            }
            try {
                int read = refreshHolding(connection);
                log.info(
                        "Fleet snapshot: figures of {} tenants read in {} ms",
                        read,
                        Duration.ofNanos(System.nanoTime() - started).toMillis());
                return read;
            } finally {
                unlock(connection);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not refresh the fleet snapshot", e);
        }
    }

    private int refreshHolding(Connection connection) throws SQLException {
        var withMembers = schemasWithMembersTable(connection);
        var tenants = registry.tenantsWithSchema().stream()
                .filter(tenant -> withMembers.contains(tenant.schemaName()))
                .map(Tenant::id)
                .toList();
        int read = 0;
        for (int from = 0; from < tenants.size(); from += CHUNK) {
            var chunk = tenants.subList(from, Math.min(tenants.size(), from + CHUNK));
            List<Line> lines;
            try {
                lines = read(connection, chunk);
            } catch (SQLException chunkFailed) {
                // A schema went away (a deletion) between the catalog look-up and the query: read one by one.
                lines = new ArrayList<>();
                for (var tenant : chunk) {
                    try {
                        lines.addAll(read(connection, List.of(tenant)));
                    } catch (SQLException e) {
                        log.debug("No member figures for tenant {}: {}", tenant, e.getMessage());
                    }
                }
            }
            write(connection, lines);
            read += lines.size();
        }
        return read;
    }

    private static Set<String> schemasWithMembersTable(Connection connection) throws SQLException {
        var schemas = new HashSet<String>();
        try (var statement = connection.prepareStatement("""
                        select n.nspname from pg_catalog.pg_class c
                        join pg_catalog.pg_namespace n on n.oid = c.relnamespace
                        where c.relname = 'members' and c.relkind in ('r', 'p') and n.nspname like 'tenant\\_%'
                        """);
                var rows = statement.executeQuery()) {
            while (rows.next()) {
                schemas.add(rows.getString(1));
            }
        }
        return schemas;
    }

    private List<Line> read(Connection connection, List<TenantId> tenants) throws SQLException {
        var sql = new StringBuilder();
        for (var tenant : tenants) {
            if (!sql.isEmpty()) {
                sql.append(" union all ");
            }
            sql.append("select cast(? as uuid), count(*), count(*) filter (where status = 'ACTIVE'), ")
                    .append("max(last_seen_at) from \"")
                    .append(schemaOf(tenant))
                    .append("\".members");
        }
        var lines = new ArrayList<Line>(tenants.size());
        try (var statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < tenants.size(); i++) {
                statement.setObject(i + 1, tenants.get(i).value());
            }
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    lines.add(new Line(
                            rows.getObject(1, UUID.class),
                            new Figures(rows.getInt(2), rows.getInt(3), TenantListing.instant(rows, 4))));
                }
            }
        }
        return lines;
    }

    private void write(Connection connection, List<Line> lines) throws SQLException {
        if (lines.isEmpty()) {
            return;
        }
        var now = Timestamp.from(clock.instant());
        // Each line on its own: a tenant discarded meanwhile (its row gone) must not cost the others theirs.
        try (var statement = connection.prepareStatement(UPSERT)) {
            for (var line : lines) {
                statement.setObject(1, line.tenant());
                statement.setInt(2, line.figures().members());
                statement.setInt(3, line.figures().activeMembers());
                statement.setTimestamp(4, timestamp(line.figures().lastActivityAt()));
                statement.setTimestamp(5, now);
                try {
                    statement.executeUpdate();
                } catch (SQLException e) {
                    log.debug("Snapshot line of tenant {} not written: {}", line.tenant(), e.getMessage());
                }
            }
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, LOCK);
            try (var rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            statement.setLong(1, LOCK);
            statement.execute();
        }
    }

    static String schemaOf(TenantId tenant) {
        var schema = tenant.schemaName();
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalStateException("Not a tenant schema name: " + schema);
        }
        return schema;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

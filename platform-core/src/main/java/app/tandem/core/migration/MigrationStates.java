package app.tandem.core.migration;

import app.tandem.core.tenant.TenantChanged;
import app.tandem.core.tenant.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The bookkeeping in {@code platform.tenant_migrations}: one row per tenant with its schema's version and outcome. */
@Component
public class MigrationStates {

    private static final int MAX_ERROR_LENGTH = 4000;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MigrationStates(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** What is recorded for one tenant. */
    public record Record(MigrationState state, String schemaVersion, String lastError) {}

    public Optional<Record> of(TenantId tenant) {
        return jdbc.sql("select state, schema_version, last_error from platform.tenant_migrations where tenant_id = ?")
                .param(tenant.value())
                .query((row, n) ->
                        new Record(MigrationState.valueOf(row.getString(1)), row.getString(2), row.getString(3)))
                .optional();
    }

    /** What is recorded for every tenant, in one query. */
    public Map<TenantId, Record> all() {
        var records = new HashMap<TenantId, Record>();
        jdbc.sql("select tenant_id, state, schema_version, last_error from platform.tenant_migrations")
                .query(row -> {
                    records.put(
                            new TenantId(row.getObject(1, UUID.class)),
                            new Record(MigrationState.valueOf(row.getString(2)), row.getString(3), row.getString(4)));
                });
        return records;
    }

    /** Records a new tenant whose schema does not exist yet; joins the caller's transaction. */
    public void pending(TenantId tenant) {
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into platform.tenant_migrations (tenant_id, state, updated_at) values (?, 'PENDING', ?)
                        on conflict (tenant_id) do update set state = 'PENDING', updated_at = excluded.updated_at
                        """).params(tenant.value(), now).update();
        events.publishEvent(new TenantChanged(tenant));
    }

    /**
     * Marks PENDING every tenant with a schema whose recorded version is not {@code latest} or whose last outcome was
     * not CURRENT, so routing answers 503 for them until the migrator reaches them.
     */
    int markBehindAsPending(String latest) {
        int marked = jdbc.sql("""
                        update platform.tenant_migrations m set state = 'PENDING', updated_at = now()
                        from platform.tenants t
                        where t.id = m.tenant_id
                          and t.status in ('ACTIVE', 'SUSPENDED', 'PENDING_DELETION')
                          and m.state <> 'PENDING'
                          and (m.state <> 'CURRENT' or m.schema_version is distinct from ?)
                        """).param(latest).update();
        if (marked > 0) {
            events.publishEvent(TenantChanged.everyTenant());
        }
        return marked;
    }

    void migrating(TenantId tenant) {
        var now = Timestamp.from(clock.instant());
        upsert(tenant, MigrationState.MIGRATING, null, null, now, null, null);
    }

    void current(TenantId tenant, String version, Duration took) {
        var now = Timestamp.from(clock.instant());
        upsert(tenant, MigrationState.CURRENT, version, null, now, now, took.toMillis());
    }

    void failed(TenantId tenant, String error, Duration took) {
        var message = error == null ? "unknown error" : error;
        if (message.length() > MAX_ERROR_LENGTH) {
            message = message.substring(0, MAX_ERROR_LENGTH);
        }
        var now = Timestamp.from(clock.instant());
        upsert(tenant, MigrationState.FAILED, null, message, now, null, took.toMillis());
    }

    private void upsert(
            TenantId tenant,
            MigrationState state,
            String version,
            String error,
            Timestamp attempted,
            Timestamp succeeded,
            Long durationMs) {
        var previous = jdbc.sql("""
                        insert into platform.tenant_migrations as m
                            (tenant_id, state, schema_version, last_error, attempted_at, succeeded_at, duration_ms,
                             updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id) do update set
                            state = excluded.state,
                            schema_version = coalesce(excluded.schema_version, m.schema_version),
                            last_error = excluded.last_error,
                            attempted_at = excluded.attempted_at,
                            succeeded_at = coalesce(excluded.succeeded_at, m.succeeded_at),
                            duration_ms = coalesce(excluded.duration_ms, m.duration_ms),
                            updated_at = excluded.updated_at
                        """)
                .params(tenant.value(), state.name(), version, error, attempted, succeeded, durationMs, attempted)
                .update();
        if (previous > 0) {
            events.publishEvent(new TenantChanged(tenant));
        }
    }
}

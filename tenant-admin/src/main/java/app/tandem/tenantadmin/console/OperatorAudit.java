package app.tandem.tenantadmin.console;

import app.tandem.core.tenant.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator audit in {@code platform.operator_audit}. Writes join the caller's transaction, so an entry exists
 * exactly when the change it records was committed.
 */
@Component
class OperatorAudit {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    OperatorAudit(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Records an action; returns the entry's id. {@code tenant} and {@code slug} may be null. */
    UUID record(Actor actor, OperatorAction action, TenantId tenant, String slug, Map<String, ?> details) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                        insert into platform.operator_audit
                            (id, occurred_at, actor_subject, actor_email, action, tenant_id, tenant_slug, details)
                        values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                        """)
                .params(
                        id,
                        Timestamp.from(clock.instant()),
                        actor.subject(),
                        actor.email(),
                        action.code(),
                        tenant == null ? null : tenant.value(),
                        slug,
                        json.writeValueAsString(details))
                .update();
        return id;
    }

    /** Adds what came of a long action to its entry, such as a migration's outcome. */
    void addOutcome(UUID entry, Map<String, ?> outcome) {
        jdbc.sql("update platform.operator_audit set details = details || cast(? as jsonb) where id = ?")
                .params(json.writeValueAsString(outcome), entry)
                .update();
    }

    /** The latest entries about one tenant, newest first. */
    List<AuditEntry> ofTenant(TenantId tenant, int limit) {
        return jdbc.sql("""
                        select id, occurred_at, actor_subject, actor_email, action, tenant_id, tenant_slug, details
                        from platform.operator_audit where tenant_id = ? order by occurred_at desc, id limit ?
                        """)
                .params(tenant.value(), limit)
                .query((row, n) -> entry(row))
                .list();
    }

    /** The latest entries of the whole platform, newest first. */
    List<AuditEntry> latest(int limit) {
        return jdbc.sql("""
                        select id, occurred_at, actor_subject, actor_email, action, tenant_id, tenant_slug, details
                        from platform.operator_audit order by occurred_at desc, id limit ?
                        """).param(limit).query((row, n) -> entry(row)).list();
    }

    private AuditEntry entry(java.sql.ResultSet row) throws java.sql.SQLException {
        return new AuditEntry(
                row.getObject(1, UUID.class),
                row.getTimestamp(2).toInstant(),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                row.getObject(6, UUID.class),
                row.getString(7),
                json.readValue(row.getString(8), DETAILS));
    }
}

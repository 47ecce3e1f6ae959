package app.tandem.core.audit;

import app.tandem.core.tenant.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What platform operators did, and to which tenant, in {@code platform.operator_audit}: the console's tenant actions
 * and billing's plan, grace and limit changes alike. Writes join the caller's transaction (the table is named with its
 * schema, so a tenant's scope does not hide it), so an entry exists exactly when the change it records was committed.
 * The operator console reads it.
 */
@Component
public class OperatorAudit {

    /**
     * One entry.
     *
     * @param occurredAt when the action was taken
     * @param actorSubject the operator's subject at the identity provider, or {@code system}
     * @param actorEmail the operator's email, if known
     * @param action what was done, such as {@code tenant.suspended} or {@code billing.comp}
     * @param tenantId the tenant it was done to, if any
     * @param tenantSlug that tenant's slug at the time
     * @param details the reason, the input and the outcome
     */
    public record Entry(
            UUID id,
            Instant occurredAt,
            String actorSubject,
            String actorEmail,
            String action,
            UUID tenantId,
            String tenantSlug,
            Map<String, Object> details) {}

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
    public UUID record(Operator actor, String action, TenantId tenant, String slug, Map<String, ?> details) {
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
                        action,
                        tenant == null ? null : tenant.value(),
                        slug,
                        json.writeValueAsString(details))
                .update();
        return id;
    }

    /** Adds what came of a long action to its entry, such as a migration's outcome. */
    public void addOutcome(UUID entry, Map<String, ?> outcome) {
        jdbc.sql("update platform.operator_audit set details = details || cast(? as jsonb) where id = ?")
                .params(json.writeValueAsString(outcome), entry)
                .update();
    }

    /** The latest entries about one tenant, newest first. */
    public List<Entry> ofTenant(TenantId tenant, int limit) {
        return ofTenant(tenant, "", limit);
    }

    /** The latest entries about one tenant whose action starts with {@code actionPrefix}, newest first. */
    public List<Entry> ofTenant(TenantId tenant, String actionPrefix, int limit) {
        return jdbc.sql("""
                        select id, occurred_at, actor_subject, actor_email, action, tenant_id, tenant_slug, details
                        from platform.operator_audit where tenant_id = ? and starts_with(action, ?)
                        order by occurred_at desc, id limit ?
                        """)
                .params(tenant.value(), actionPrefix, limit)
                .query((row, n) -> entry(row))
                .list();
    }

    /** The latest entries of the whole platform, newest first. */
    public List<Entry> latest(int limit) {
        return jdbc.sql("""
                        select id, occurred_at, actor_subject, actor_email, action, tenant_id, tenant_slug, details
                        from platform.operator_audit order by occurred_at desc, id limit ?
                        """).param(limit).query((row, n) -> entry(row)).list();
    }

    private Entry entry(ResultSet row) throws SQLException {
        return new Entry(
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

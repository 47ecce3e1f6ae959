package app.tandem.tenantadmin.console;

import app.tandem.core.routing.PublicAddresses;
import app.tandem.core.tenant.TenantKind;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.tenant.TenantSlug;
import app.tandem.core.tenant.TenantStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant list: one query over {@code platform.tenants} with their migration state and the fleet snapshot of
 * members and last activity ({@code platform.tenant_activity}), filtered, ordered and cut to one page in the database,
 * plus one count. Its cost does not depend on how many tenant schemas there are.
 */
@Component
class TenantListing {

    private static final String FROM = """
            from platform.tenants t
            left join platform.tenant_migrations m on m.tenant_id = t.id
            left join platform.tenant_activity a on a.tenant_id = t.id
            """;

    private final JdbcClient jdbc;
    private final TenantRegistry registry;
    private final PublicAddresses addresses;

    TenantListing(JdbcClient jdbc, TenantRegistry registry, PublicAddresses addresses) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.addresses = addresses;
    }

    /** One tenant's line in the list. Members and last activity come from the snapshot and are null before it. */
    record TenantRow(
            UUID id,
            String slug,
            String name,
            TenantKind kind,
            TenantStatus status,
            String statusReason,
            Instant createdAt,
            Instant deletionDueAt,
            String migrationState,
            String schemaVersion,
            Integer members,
            Instant lastActivityAt,
            String address) {}

    /**
     * A page of the list.
     *
     * @param activityAsOf when the fleet snapshot behind the member and activity columns was last refreshed, or null
     */
    record TenantPage(List<TenantRow> tenants, int page, int size, long total, Instant activityAsOf) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages();
        }
    }

    @Transactional(readOnly = true)
    TenantPage list(TenantQuery query) {
        var where = new StringBuilder(" where true");
        var params = new ArrayList<Object>();
        if (query.search() != null) {
            where.append(" and (t.slug like ? escape '\\' or lower(t.display_name) like ? escape '\\')");
            var pattern = "%" + escapeLike(query.search().toLowerCase(Locale.ROOT)) + "%";
            params.add(pattern);
            params.add(pattern);
        }
        if (query.status() != null) {
            where.append(" and t.status = ?");
            params.add(query.status().name());
        }
        if (query.kind() != null) {
            where.append(" and t.kind = ?");
            params.add(query.kind().name());
        }
        if (query.createdFrom() != null) {
            where.append(" and t.created_at >= ?");
            params.add(startOf(query.createdFrom()));
        }
        if (query.createdTo() != null) {
            where.append(" and t.created_at < ?");
            params.add(startOf(query.createdTo().plusDays(1)));
        }
        if (query.minMembers() != null) {
            where.append(" and a.active_members >= ?");
            params.add(query.minMembers());
        }
        if (query.maxMembers() != null) {
            where.append(" and a.active_members <= ?");
            params.add(query.maxMembers());
        }
        if (query.activeSince() != null) {
            where.append(" and a.last_activity_at >= ?");
            params.add(startOf(query.activeSince()));
        }
        if (query.idleSince() != null) {
            where.append(" and a.tenant_id is not null and (a.last_activity_at is null or a.last_activity_at < ?)");
            params.add(startOf(query.idleSince()));
        }
        long total = jdbc.sql("select count(*) " + FROM + where)
                .params(params)
                .query(Long.class)
                .single();
        var pageParams = new ArrayList<Object>(params);
        pageParams.add(query.size());
        pageParams.add((long) (query.page() - 1) * query.size());
        var rows = jdbc.sql("""
                        select t.id, t.slug, t.display_name, t.kind, t.status, t.status_reason, t.created_at,
                               t.deletion_due_at, m.state, m.schema_version, a.active_members, a.last_activity_at
                        """ + FROM + where + " order by " + query.sort().orderBy + " limit ? offset ?")
                .params(pageParams)
                .query((row, n) -> row(row))
                .list();
        var asOf = jdbc.sql("select max(refreshed_at) from platform.tenant_activity")
                .query((row, n) -> Optional.ofNullable(instant(row, 1)))
                .single()
                .orElse(null);
        return new TenantPage(rows, query.page(), query.size(), total, asOf);
    }

    private TenantRow row(ResultSet row) throws SQLException {
        var slug = row.getString(2);
        var members = row.getObject(11, Integer.class);
        return new TenantRow(
                row.getObject(1, UUID.class),
                slug,
                row.getString(3),
                TenantKind.valueOf(row.getString(4)),
                TenantStatus.valueOf(row.getString(5)),
                row.getString(6),
                instant(row, 7),
                instant(row, 8),
                row.getString(9),
                row.getString(10),
                members,
                instant(row, 12),
                addresses.baseUrl(registry.subdomainHost(TenantSlug.of(slug))).toString());
    }

    static Instant instant(ResultSet row, int column) throws SQLException {
        var timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

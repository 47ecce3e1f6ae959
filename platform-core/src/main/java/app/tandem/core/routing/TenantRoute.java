package app.tandem.core.routing;

import app.tandem.core.migration.MigrationState;
import app.tandem.core.tenant.TenantId;
import app.tandem.core.tenant.TenantKind;
import app.tandem.core.tenant.TenantStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** What routing knows about the tenant behind a host; the current request's route is {@link #of(HttpServletRequest)}. */
public record TenantRoute(
        TenantId id,
        String slug,
        String displayName,
        TenantKind kind,
        TenantStatus status,
        String statusReason,
        MigrationState migrationState,
        String schemaVersion) {

    static final String REQUEST_ATTRIBUTE = TenantRoute.class.getName();

    /** The tenant the request was routed to, or empty on the apex host. */
    public static Optional<TenantRoute> of(HttpServletRequest request) {
        return Optional.ofNullable((TenantRoute) request.getAttribute(REQUEST_ATTRIBUTE));
    }

    /** Whether the tenant is suspended and the reason begins with {@code prefix}. */
    public boolean suspendedFor(String prefix) {
        return status == TenantStatus.SUSPENDED && statusReason != null && statusReason.startsWith(prefix);
    }

    boolean serving() {
        return status == TenantStatus.ACTIVE && migrationState == MigrationState.CURRENT;
    }
}

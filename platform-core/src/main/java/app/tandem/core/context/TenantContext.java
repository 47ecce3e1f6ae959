package app.tandem.core.context;

import app.tandem.core.tenant.TenantId;
import java.util.Optional;

/** Which tenant the current thread works for, if any. Read-only: scopes are opened with {@link TenantScope}. */
public final class TenantContext {

    static final ThreadLocal<TenantId> CURRENT = new ThreadLocal<>();

    private TenantContext() {}

    /** The tenant in scope, or empty on the platform's own work (the apex site, platform jobs). */
    public static Optional<TenantId> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The tenant in scope; throws {@link NoTenantInScope} when there is none. */
    public static TenantId require() {
        var tenant = CURRENT.get();
        if (tenant == null) {
            throw new NoTenantInScope();
        }
        return tenant;
    }

    /**
     * The tenant in scope, which must be {@code expected}: for work handed over with a tenant id (an event, a job's
     * row), so that it never runs in the scope of another tenant. Throws {@link NoTenantInScope} when there is none.
     */
    public static TenantId require(TenantId expected) {
        var tenant = require();
        if (!tenant.equals(expected)) {
            throw new IllegalStateException("Work for tenant " + expected + " runs in the scope of tenant " + tenant);
        }
        return tenant;
    }
}

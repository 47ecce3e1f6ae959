package app.tandem.core.context;

import app.tandem.core.tenant.TenantId;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * Runs work on behalf of one tenant: while the scope is open, {@link TenantContext} names the tenant, Hibernate
 * sessions use its schema and log lines carry its id ({@value #MDC_KEY} in the MDC). Scopes nest; closing one
 * restores whatever was in scope before, including nothing.
 */
public final class TenantScope implements AutoCloseable {

    /** The MDC key under which log lines carry the tenant id. */
    public static final String MDC_KEY = "tenantId";

    private final TenantId previous;
    private final Thread owner;
    private boolean closed;

    private TenantScope(TenantId tenant) {
        this.previous = TenantContext.CURRENT.get();
        this.owner = Thread.currentThread();
        set(tenant);
    }

    /** Opens a scope for {@code tenant} on this thread; close it in the same thread, best with try-with-resources. */
    public static TenantScope open(TenantId tenant) {
        return new TenantScope(Objects.requireNonNull(tenant, "tenant"));
    }

    public static void run(TenantId tenant, Runnable work) {
        try (var ignored = open(tenant)) {
            work.run();
        }
    }

    public static <T> T get(TenantId tenant, Supplier<T> work) {
        try (var ignored = open(tenant)) {
            return work.get();
        }
    }

    public static <T> T call(TenantId tenant, Callable<T> work) throws Exception {
        try (var ignored = open(tenant)) {
            return work.call();
        }
    }

    /** Runs {@code work} with no tenant in scope, whatever the caller had: for platform work started from a tenant. */
    static void runWithoutTenant(Runnable work) {
        var previous = TenantContext.CURRENT.get();
        set(null);
        try {
            work.run();
        } finally {
            set(previous);
        }
    }

    private static void set(TenantId tenant) {
        if (tenant == null) {
            TenantContext.CURRENT.remove();
            MDC.remove(MDC_KEY);
        } else {
            TenantContext.CURRENT.set(tenant);
            MDC.put(MDC_KEY, tenant.toString());
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("A tenant scope must be closed by the thread that opened it");
        }
        closed = true;
        set(previous);
    }
}

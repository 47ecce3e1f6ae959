package app.tandem.core.context;

import app.tandem.core.CoreProperties;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.tenant.TenantId;
import app.tandem.core.tenant.TenantRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.stereotype.Component;

/**
 * Runs a job once for every active tenant, each inside that tenant's scope, with at most
 * {@code tandem.core.jobs.parallelism} tenants at a time. One tenant's failure is recorded and never stops the
 * others.
 */
@Component
public class TenantJobs {

    private static final Logger log = LoggerFactory.getLogger(TenantJobs.class);

    private final TenantRegistry registry;
    private final int parallelism;

    TenantJobs(TenantRegistry registry, CoreProperties properties) {
        this.registry = registry;
        this.parallelism = Math.max(1, properties.jobs().parallelism());
    }

    /** What happened when a job ran for every tenant. */
    public record Report(String job, int tenants, List<Failure> failures, Duration duration) {

        public int succeeded() {
            return tenants - failures.size();
        }
    }

    /** A tenant the job failed for, and why. */
    public record Failure(TenantId tenant, String slug, Exception error) {}

    /** Runs {@code work} for every ACTIVE tenant and waits until all are done. */
    public Report forEachActiveTenant(String job, Consumer<Tenant> work) {
        return forEach(job, registry.activeTenants(), work);
    }

    /** Runs {@code work} for the given tenants and waits until all are done. */
    public Report forEach(String job, List<Tenant> tenants, Consumer<Tenant> work) {
        return forEach(job, tenants, parallelism, work);
    }

    /** Runs {@code work} for the given tenants, at most {@code parallelism} at a time, and waits until all are done. */
    public Report forEach(String job, List<Tenant> tenants, int parallelism, Consumer<Tenant> work) {
        long started = System.nanoTime();
        var failures = Collections.synchronizedList(new ArrayList<Failure>());
        int threads = Math.min(Math.max(1, parallelism), Math.max(1, tenants.size()));
        var executor = Executors.newFixedThreadPool(threads, runnable -> {
            var thread = new Thread(runnable, "tenant-job-" + job);
            thread.setDaemon(true);
            return thread;
        });
        try {
            var futures = new ArrayList<Future<?>>(tenants.size());
            for (var tenant : tenants) {
                futures.add(executor.submit(() -> {
                    try {
                        TenantScope.run(tenant.id(), () -> work.accept(tenant));
                    } catch (Exception e) {
                        log.warn("Job {} failed for tenant {}: {}", job, tenant.slug(), e.toString());
                        failures.add(new Failure(tenant.id(), tenant.slug().value(), e));
                    }
                }));
            }
            for (var future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Job " + job + " was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Job " + job + " broke down", e.getCause());
        } finally {
            executor.shutdownNow();
        }
        var report =
                new Report(job, tenants.size(), List.copyOf(failures), Duration.ofNanos(System.nanoTime() - started));
        // Jobs that poll (such as sending mail) run every few seconds: a summary line is worth it only for failures.
        log.atLevel(failures.isEmpty() ? Level.DEBUG : Level.INFO)
                .log(
                        "Job {} ran for {} tenants in {} ms: {} failed",
                        job,
                        report.tenants(),
                        report.duration().toMillis(),
                        failures.size());
        return report;
    }
}

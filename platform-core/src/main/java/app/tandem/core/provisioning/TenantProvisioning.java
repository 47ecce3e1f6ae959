package app.tandem.core.provisioning;

import app.tandem.core.CoreProperties;
import app.tandem.core.context.TenantScope;
import app.tandem.core.migration.MigrationStates;
import app.tandem.core.tenant.TenantId;
import app.tandem.core.tenant.TenantRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Provisions tenants: registers the tenant, then runs the steps that modules contribute, recording each outcome so
 * that any node can resume a job whose owner died. See the package documentation for the life of a job.
 */
@Service
public class TenantProvisioning {

    private static final Logger log = LoggerFactory.getLogger(TenantProvisioning.class);
    private static final int MAX_ERROR_LENGTH = 4000;

    private final TenantRegistry registry;
    private final MigrationStates migrationStates;
    private final ProvisioningJobRepository jobs;
    private final Map<String, ProvisioningStep> steps;
    private final List<String> stepOrder;
    private final TransactionTemplate transactions;
    private final CoreProperties.Provisioning settings;
    private final Clock clock;
    private final String node;
    private final MeterRegistry meters;

    TenantProvisioning(
            TenantRegistry registry,
            MigrationStates migrationStates,
            ProvisioningJobRepository jobs,
            List<ProvisioningStep> steps,
            TransactionTemplate transactions,
            CoreProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.registry = registry;
        this.migrationStates = migrationStates;
        this.jobs = jobs;
        this.steps = steps.stream().collect(Collectors.toMap(ProvisioningStep::name, Function.identity()));
        this.stepOrder = steps.stream()
                .sorted(Comparator.comparingInt(ProvisioningStep::order).thenComparing(ProvisioningStep::name))
                .map(ProvisioningStep::name)
                .toList();
        this.transactions = transactions;
        this.settings = properties.provisioning();
        this.clock = clock;
        this.meters = meters;
        this.node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    }

    /**
     * Registers the tenant (PROVISIONING, its address reserved) and records a job for it, without running it yet.
     * Throws if the slug is invalid or taken; nothing is changed then.
     */
    public ProvisioningJob start(ProvisionTenant request) {
        return transactions.execute(tx -> {
            var tenant = registry.register(TenantId.random(), request.slug(), request.displayName(), request.kind());
            var context = new ProvisioningContext(tenant.id(), tenant.slug(), tenant.displayName(), tenant.kind());
            var job = jobs.save(new ProvisioningJob(context, stepOrder, clock.instant()));
            migrationStates.pending(tenant.id());
            return job;
        });
    }

    /** Registers and provisions a tenant, returning when the job has finished or stopped. */
    public ProvisioningJob provision(ProvisionTenant request) {
        return run(start(request).id());
    }

    /** Runs a job until it succeeds, stops as FAILED or is rolled back; returns it as it then is. */
    public ProvisioningJob run(UUID jobId) {
        if (!claim(jobId)) {
            log.info("Provisioning job {} is held by another node", jobId);
            return require(jobId);
        }
        while (advance(jobId)) {
            // each call applies or compensates exactly one step and records it
        }
        return require(jobId);
    }

    /** Retries a FAILED job from the step that failed (or finishes undoing it if its compensation failed). */
    public ProvisioningJob retry(UUID jobId) {
        transactions.executeWithoutResult(tx -> require(jobId).retry(clock.instant()));
        return run(jobId);
    }

    /** Discards a FAILED job: undoes the steps it did, in reverse, and forgets the tenant. */
    public ProvisioningJob discard(UUID jobId) {
        transactions.executeWithoutResult(tx -> require(jobId).discard(clock.instant()));
        return run(jobId);
    }

    public Optional<ProvisioningJob> find(UUID jobId) {
        return jobs.findById(jobId);
    }

    public List<ProvisioningJob> failedJobs() {
        return jobs.findByStatusOrderByCreatedAtDesc(JobStatus.FAILED);
    }

    public List<ProvisioningJob> jobsOf(TenantId tenant) {
        return jobs.findByTenantIdOrderByCreatedAtDesc(tenant.value());
    }

    /** Resumes, every {@code tandem.core.provisioning.recovery-interval}, the jobs whose owner stopped renewing them. */
    @Scheduled(
            fixedDelayString = "${tandem.core.provisioning.recovery-interval:30s}",
            initialDelayString = "${tandem.core.provisioning.recovery-interval:30s}")
    public void resumeAbandoned() {
        resumeAbandoned(clock.instant());
    }

    /** Resumes the RUNNING and COMPENSATING jobs whose lease had run out at {@code now}. */
    List<ProvisioningJob> resumeAbandoned(Instant now) {
        var abandoned = jobs.findAbandoned(EnumSet.of(JobStatus.RUNNING, JobStatus.COMPENSATING), now);
        return abandoned.stream()
                .map(id -> {
                    log.info("Resuming abandoned provisioning job {}", id);
                    return claim(id, now) ? runClaimed(id) : require(id);
                })
                .toList();
    }

    private ProvisioningJob runClaimed(UUID jobId) {
        while (advance(jobId)) {
            // one step per call
        }
        return require(jobId);
    }

    private boolean claim(UUID jobId) {
        return claim(jobId, clock.instant());
    }

    private boolean claim(UUID jobId, Instant now) {
        try {
            return Boolean.TRUE.equals(
                    transactions.execute(tx -> require(jobId).claim(node, now.plus(settings.lease()), now)));
        } catch (OptimisticLockingFailureException e) {
            return false;
        }
    }

    /**
     * Applies (or, while compensating, undoes) the job's next step and records the outcome. Returns whether there
     * may be more to do. Package-private so that tests can stop a job between steps, as a crash would.
     */
    boolean advance(UUID jobId) {
        var job = require(jobId);
        if (job.status() != JobStatus.RUNNING && job.status() != JobStatus.COMPENSATING) {
            return false;
        }
        var next = job.nextStep();
        if (next.isEmpty()) {
            finish(job);
            return false;
        }
        int index = next.get();
        var stepName = job.steps().get(index).name();
        var step = steps.get(stepName);
        var context = job.context();
        if (job.status() == JobStatus.RUNNING) {
            return apply(jobId, index, stepName, step, context);
        }
        return compensate(jobId, index, stepName, step, context);
    }

    private boolean apply(UUID jobId, int index, String stepName, ProvisioningStep step, ProvisioningContext context) {
        if (step == null) {
            record(jobId, job -> job.stepFailed(index, "This node has no step named " + stepName, clock.instant()));
            return false;
        }
        RuntimeException lastFailure = null;
        for (int attempt = 1; attempt <= Math.max(1, settings.stepAttempts()); attempt++) {
            record(jobId, job -> job.stepStarted(index, clock.instant()));
            try {
                TenantScope.run(context.tenantId(), () -> step.apply(context));
                record(jobId, job -> {
                    job.stepDone(index, clock.instant());
                    job.claim(node, clock.instant().plus(settings.lease()), clock.instant());
                });
                return true;
            } catch (RuntimeException e) {
                lastFailure = e;
                log.warn(
                        "Provisioning step {} for {} failed (attempt {}): {}",
                        stepName,
                        context.slug(),
                        attempt,
                        e.toString());
            }
        }
        var error = describe(lastFailure);
        record(jobId, job -> job.stepFailed(index, error, clock.instant()));
        log.error("Provisioning of {} stopped at step {}: {}", context.slug(), stepName, error);
        return false;
    }

    private boolean compensate(
            UUID jobId, int index, String stepName, ProvisioningStep step, ProvisioningContext context) {
        try {
            if (step != null) {
                TenantScope.run(context.tenantId(), () -> step.compensate(context));
            }
            record(jobId, job -> job.stepCompensated(index, clock.instant()));
            return true;
        } catch (RuntimeException e) {
            var error = describe(e);
            record(jobId, job -> job.compensationFailed(index, error, clock.instant()));
            log.error("Undoing step {} for {} failed: {}", stepName, context.slug(), error);
            return false;
        }
    }

    private void finish(ProvisioningJob job) {
        transactions.executeWithoutResult(tx -> {
            var current = require(job.id());
            if (current.status() == JobStatus.RUNNING) {
                registry.activate(current.tenantId());
                current.succeed(clock.instant());
                recordDuration(current, "succeeded");
                log.info("Tenant {} is provisioned and active", current.slug());
            } else {
                registry.forgetUnprovisioned(current.tenantId());
                current.rolledBack(clock.instant());
                recordDuration(current, "rolled-back");
                log.info("Provisioning of {} was rolled back", current.slug());
            }
        });
    }

    private void recordDuration(ProvisioningJob job, String outcome) {
        Timer.builder("tandem.provisioning.duration")
                .description("Time from a provisioning job's start to its end")
                .tag("outcome", outcome)
                .register(meters)
                .record(Duration.between(job.createdAt(), clock.instant()));
    }

    private void record(UUID jobId, Consumer<ProvisioningJob> change) {
        transactions.executeWithoutResult(tx -> change.accept(require(jobId)));
    }

    private ProvisioningJob require(UUID jobId) {
        return jobs.findById(jobId).orElseThrow(() -> new IllegalArgumentException("No provisioning job " + jobId));
    }

    private static String describe(Throwable error) {
        var message = error == null ? "unknown error" : error.getClass().getSimpleName() + ": " + error.getMessage();
        return message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message;
    }
}

package app.tandem.core.provisioning;

import app.tandem.core.tenant.TenantId;
import app.tandem.core.tenant.TenantKind;
import app.tandem.core.tenant.TenantSlug;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A persisted provisioning job: which tenant, which steps in which order, and how far it got. */
@Entity
@Table(schema = "platform", name = "provisioning_jobs")
public class ProvisioningJob {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(nullable = false, length = 40)
    private String slug;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private TenantKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private JobStatus status;

    @Column(name = "failed_step", length = 100)
    private String failedStep;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "lease_owner", length = 100)
    private String leaseOwner;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(schema = "platform", name = "provisioning_job_steps", joinColumns = @JoinColumn(name = "job_id"))
    @OrderColumn(name = "position")
    private List<JobStep> steps = new ArrayList<>();

    protected ProvisioningJob() {}

    ProvisioningJob(ProvisioningContext tenant, List<String> stepNames, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenant.tenantId().value();
        this.slug = tenant.slug().value();
        this.displayName = tenant.displayName();
        this.kind = tenant.kind();
        this.status = JobStatus.RUNNING;
        this.createdAt = now;
        this.updatedAt = now;
        stepNames.forEach(name -> steps.add(new JobStep(name)));
    }

    /** Takes the job for {@code owner} until {@code until}, if nobody else holds an unexpired lease on it. */
    boolean claim(String owner, Instant until, Instant now) {
        if (leaseOwner != null && !leaseOwner.equals(owner) && leaseUntil != null && leaseUntil.isAfter(now)) {
            return false;
        }
        leaseOwner = owner;
        leaseUntil = until;
        updatedAt = now;
        return true;
    }

    void release(Instant now) {
        leaseOwner = null;
        leaseUntil = null;
        updatedAt = now;
    }

    /** The next step to apply while RUNNING, or to compensate while COMPENSATING. */
    Optional<Integer> nextStep() {
        if (status == JobStatus.RUNNING) {
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).status() == StepStatus.PENDING) {
                    return Optional.of(i);
                }
            }
        } else if (status == JobStatus.COMPENSATING) {
            for (int i = steps.size() - 1; i >= 0; i--) {
                var stepStatus = steps.get(i).status();
                if (stepStatus == StepStatus.DONE || stepStatus == StepStatus.FAILED) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }

    void stepStarted(int index, Instant now) {
        steps.get(index).started(now);
        updatedAt = now;
    }

    void stepDone(int index, Instant now) {
        steps.get(index).done(now);
        updatedAt = now;
    }

    void stepFailed(int index, String error, Instant now) {
        steps.get(index).failed(error, now);
        fail(steps.get(index).name(), error, now);
    }

    void stepCompensated(int index, Instant now) {
        steps.get(index).compensated(now);
        updatedAt = now;
    }

    void compensationFailed(int index, String error, Instant now) {
        fail("compensate " + steps.get(index).name(), error, now);
    }

    private void fail(String step, String error, Instant now) {
        status = JobStatus.FAILED;
        failedStep = step;
        lastError = error;
        updatedAt = now;
        leaseOwner = null;
        leaseUntil = null;
    }

    void succeed(Instant now) {
        finish(JobStatus.SUCCEEDED, now);
    }

    void rolledBack(Instant now) {
        finish(JobStatus.ROLLED_BACK, now);
    }

    private void finish(JobStatus finalStatus, Instant now) {
        status = finalStatus;
        finishedAt = now;
        updatedAt = now;
        leaseOwner = null;
        leaseUntil = null;
    }

    /** Operator's retry of a FAILED job: apply again from the failed step (or finish undoing). */
    void retry(Instant now) {
        requireStatus(JobStatus.FAILED);
        boolean compensating = failedStep != null && failedStep.startsWith("compensate ");
        status = compensating ? JobStatus.COMPENSATING : JobStatus.RUNNING;
        if (!compensating) {
            steps.forEach(JobStep::retry);
        }
        failedStep = null;
        lastError = null;
        updatedAt = now;
    }

    /** Operator's discard of a FAILED job: undo what was done. */
    void discard(Instant now) {
        requireStatus(JobStatus.FAILED);
        status = JobStatus.COMPENSATING;
        updatedAt = now;
    }

    private void requireStatus(JobStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("Provisioning job " + id + " is " + status + ", not " + expected);
        }
    }

    ProvisioningContext context() {
        return new ProvisioningContext(new TenantId(tenantId), new TenantSlug(slug), displayName, kind);
    }

    public UUID id() {
        return id;
    }

    public TenantId tenantId() {
        return new TenantId(tenantId);
    }

    public String slug() {
        return slug;
    }

    public String displayName() {
        return displayName;
    }

    public TenantKind kind() {
        return kind;
    }

    public JobStatus status() {
        return status;
    }

    public String failedStep() {
        return failedStep;
    }

    public String lastError() {
        return lastError;
    }

    public String leaseOwner() {
        return leaseOwner;
    }

    public Instant leaseUntil() {
        return leaseUntil;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public List<JobStep> steps() {
        return Collections.unmodifiableList(steps);
    }
}

package app.tandem.core.provisioning;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** One step of a provisioning job, as recorded. */
@Embeddable
public class JobStep {

    @Column(name = "step", nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private StepStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected JobStep() {}

    JobStep(String name) {
        this.name = name;
        this.status = StepStatus.PENDING;
    }

    void started(Instant now) {
        attempts++;
        startedAt = now;
    }

    void done(Instant now) {
        status = StepStatus.DONE;
        lastError = null;
        finishedAt = now;
    }

    void failed(String error, Instant now) {
        status = StepStatus.FAILED;
        lastError = error;
        finishedAt = now;
    }

    void compensated(Instant now) {
        status = StepStatus.COMPENSATED;
        finishedAt = now;
    }

    void retry() {
        if (status == StepStatus.FAILED) {
            status = StepStatus.PENDING;
        }
    }

    public String name() {
        return name;
    }

    public StepStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}

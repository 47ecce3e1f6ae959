package app.tandem.tenantadmin.console;

import app.tandem.core.provisioning.JobStatus;
import app.tandem.core.web.DomainException;
import java.util.UUID;

/** An operator asked to retry or discard a provisioning job that does not exist or has not failed. */
class ProvisioningJobRefused extends DomainException {

    private ProvisioningJobRefused(Kind kind, String code, String message) {
        super(kind, code, message);
    }

    static ProvisioningJobRefused notFound(UUID job) {
        return new ProvisioningJobRefused(
                Kind.NOT_FOUND, "provisioning-job-not-found", "No provisioning job has the id " + job + ".");
    }

    static ProvisioningJobRefused notFailed(UUID job, String slug, JobStatus status) {
        return new ProvisioningJobRefused(
                Kind.CONFLICT,
                "provisioning-job-not-failed",
                "The provisioning job of " + slug + " is " + status
                        + "; only a failed job can be retried or discarded.");
    }
}

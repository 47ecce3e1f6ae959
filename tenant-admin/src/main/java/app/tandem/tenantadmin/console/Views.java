package app.tandem.tenantadmin.console;

import app.tandem.core.audit.OperatorAudit;
import app.tandem.core.migration.MigrationStates;
import app.tandem.core.provisioning.JobStatus;
import app.tandem.core.provisioning.ProvisioningJob;
import app.tandem.core.provisioning.StepStatus;
import app.tandem.core.tenant.HostKind;
import app.tandem.core.tenant.TenantKind;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.tenant.TenantStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the console's pages and API show: plain records, the same for both. */
final class Views {

    private Views() {}

    /**
     * Everything the console knows about one tenant.
     *
     * @param members the live member figures, or null when the tenant has no schema (or no members table) to read
     */
    record TenantDetail(
            UUID id,
            String slug,
            String name,
            TenantKind kind,
            TenantStatus status,
            String statusReason,
            Instant createdAt,
            Instant updatedAt,
            Instant deletionDueAt,
            String schemaName,
            String address,
            List<HostView> hosts,
            MigrationView migration,
            TenantActivity.Figures members,
            List<JobView> provisioning,
            List<OperatorAudit.Entry> audit) {

        public boolean canSuspend() {
            return status == TenantStatus.ACTIVE;
        }

        public boolean canReactivate() {
            return status == TenantStatus.SUSPENDED;
        }

        public boolean canScheduleDeletion() {
            return status == TenantStatus.ACTIVE || status == TenantStatus.SUSPENDED;
        }

        public boolean canCancelDeletion() {
            return status == TenantStatus.PENDING_DELETION;
        }

        public boolean hasData() {
            return TenantRegistry.WITH_SCHEMA.contains(status);
        }

        public boolean canChangeHosts() {
            return status != TenantStatus.DELETED;
        }
    }

    /** A host the tenant answers on, with the address browsers use. */
    record HostView(String host, HostKind kind, String address, Instant createdAt) {}

    /**
     * The state of the tenant's schema.
     *
     * @param state PENDING, MIGRATING, CURRENT or FAILED; null when nothing was ever recorded
     * @param latestVersion the version every schema reaches once migrated
     */
    record MigrationView(String state, String schemaVersion, String latestVersion, String lastError) {

        static MigrationView of(MigrationStates.Record record, String latest) {
            return record == null
                    ? new MigrationView(null, null, latest, null)
                    : new MigrationView(record.state().name(), record.schemaVersion(), latest, record.lastError());
        }
    }

    /** A provisioning job with its steps. */
    record JobView(
            UUID id,
            UUID tenantId,
            String slug,
            String name,
            JobStatus status,
            String failedStep,
            String lastError,
            Instant createdAt,
            Instant finishedAt,
            List<StepView> steps) {

        static JobView of(ProvisioningJob job) {
            return new JobView(
                    job.id(),
                    job.tenantId().value(),
                    job.slug(),
                    job.displayName(),
                    job.status(),
                    job.failedStep(),
                    job.lastError(),
                    job.createdAt(),
                    job.finishedAt(),
                    job.steps().stream()
                            .map(step -> new StepView(step.name(), step.status(), step.attempts(), step.lastError()))
                            .toList());
        }
    }

    /** One step of a provisioning job. */
    record StepView(String name, StepStatus status, int attempts, String lastError) {}

    /** What re-running a tenant's migrations did. */
    record MigrationResult(String outcome, MigrationView migration) {}
}

package app.tandem.tenantadmin.console;

import app.tandem.core.audit.OperatorAudit;
import app.tandem.core.migration.MigrationStates;
import app.tandem.core.migration.TenantMigrator;
import app.tandem.core.provisioning.JobStatus;
import app.tandem.core.provisioning.TenantProvisioning;
import app.tandem.core.routing.PublicAddresses;
import app.tandem.core.tenant.HostName;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.tenant.TenantId;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.tenant.TenantStateConflict;
import app.tandem.identity.CurrentOperator;
import app.tandem.identity.IdentityDirectory;
import app.tandem.tenantadmin.TenantAdminProperties;
import app.tandem.tenantadmin.console.TenantListing.TenantPage;
import app.tandem.tenantadmin.console.Views.HostView;
import app.tandem.tenantadmin.console.Views.JobView;
import app.tandem.tenantadmin.console.Views.MigrationResult;
import app.tandem.tenantadmin.console.Views.MigrationView;
import app.tandem.tenantadmin.console.Views.TenantDetail;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What platform operators do with the fleet, for the console's pages and its API alike: only callers with the realm
 * role {@code platform-operator} get in, and every change is written to the operator audit in the transaction that
 * makes it. Actions that run long or call out (a migration, an export, provisioning retries) record the request first
 * and add the outcome when they end.
 */
@Service
@PreAuthorize("hasRole('PLATFORM_OPERATOR')")
class OperatorConsole {

    static final int AUDIT_ON_DETAIL = 100;

    private final TenantRegistry registry;
    private final TenantListing listing;
    private final TenantActivity activity;
    private final TenantExport export;
    private final OperatorAudit audit;
    private final MigrationStates migrationStates;
    private final TenantMigrator migrator;
    private final TenantProvisioning provisioning;
    private final IdentityDirectory directory;
    private final PublicAddresses addresses;
    private final TransactionTemplate transactions;
    private final TenantAdminProperties properties;
    private final Clock clock;

    OperatorConsole(
            TenantRegistry registry,
            TenantListing listing,
            TenantActivity activity,
            TenantExport export,
            OperatorAudit audit,
            MigrationStates migrationStates,
            TenantMigrator migrator,
            TenantProvisioning provisioning,
            IdentityDirectory directory,
            PublicAddresses addresses,
            TransactionTemplate transactions,
            TenantAdminProperties properties,
            Clock clock) {
        this.registry = registry;
        this.listing = listing;
        this.activity = activity;
        this.export = export;
        this.audit = audit;
        this.migrationStates = migrationStates;
        this.migrator = migrator;
        this.provisioning = provisioning;
        this.directory = directory;
        this.addresses = addresses;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** A page of the tenant list. */
    public TenantPage tenants(TenantQuery query) {
        return listing.list(query);
    }

    /** The grace period a deletion gets unless the operator asks for another, in days. */
    public int defaultGraceDays() {
        return (int) properties.deletion().gracePeriod().toDays();
    }

    public int maxGraceDays() {
        return (int) properties.deletion().maxGracePeriod().toDays();
    }

    public int pageSize() {
        return properties.console().pageSize();
    }

    /** Everything about one tenant: facts, hosts, schema, members (read live), provisioning history, audit trail. */
    public TenantDetail tenant(TenantId id) {
        var tenant = registry.require(id);
        var hosts = registry.hostsOf(id).stream()
                .map(host -> new HostView(
                        host.host().value(),
                        host.kind(),
                        addresses.baseUrl(host.host()).toString(),
                        host.createdAt()))
                .toList();
        var figures = TenantRegistry.WITH_SCHEMA.contains(tenant.status())
                ? activity.live(tenant).orElse(null)
                : null;
        return new TenantDetail(
                tenant.id().value(),
                tenant.slug().value(),
                tenant.displayName(),
                tenant.kind(),
                tenant.status(),
                tenant.statusReason(),
                tenant.createdAt(),
                tenant.updatedAt(),
                tenant.deletionDueAt(),
                tenant.schemaName(),
                addresses.baseUrl(registry.subdomainHost(tenant.slug())).toString(),
                hosts,
                migration(id),
                figures,
                provisioning.jobsOf(id).stream().map(JobView::of).toList(),
                audit.ofTenant(id, AUDIT_ON_DETAIL));
    }

    /** The latest entries of the operator audit, of every tenant. */
    public List<OperatorAudit.Entry> auditTrail(int limit) {
        return audit.latest(Math.max(1, Math.min(limit, 500)));
    }

    /** The audit trail of one tenant. */
    public List<OperatorAudit.Entry> auditTrail(TenantId id, int limit) {
        registry.require(id);
        return audit.ofTenant(id, Math.max(1, Math.min(limit, 500)));
    }

    @Transactional
    public void suspend(TenantId id, String reason) {
        registry.suspend(id, reason);
        var tenant = registry.require(id);
        record(OperatorAction.TENANT_SUSPENDED, tenant, Map.of("reason", tenant.statusReason()));
    }

    @Transactional
    public void reactivate(TenantId id) {
        var previousReason = registry.require(id).statusReason();
        registry.reactivate(id);
        var details = new LinkedHashMap<String, Object>();
        details.put("suspendedFor", previousReason);
        record(OperatorAction.TENANT_REACTIVATED, registry.require(id), details);
    }

    /**
     * Schedules the tenant's deletion {@code graceDays} from now (the configured grace period when null). Routing
     * refuses the tenant from now on; its data can be exported until the deletion job drops it.
     */
    @Transactional
    public void scheduleDeletion(TenantId id, String reason, Integer graceDays) {
        int days = graceDays == null ? defaultGraceDays() : graceDays;
        if (days < 1 || days > maxGraceDays()) {
            throw new InvalidConsoleInput(
                    "graceDays",
                    "The grace period is 1 to " + maxGraceDays() + " days; the data is kept and can be exported until"
                            + " it ends.");
        }
        var tenant = registry.scheduleDeletion(id, reason, clock.instant().plus(Duration.ofDays(days)));
        var details = new LinkedHashMap<String, Object>();
        details.put("reason", tenant.statusReason());
        details.put("graceDays", days);
        details.put("dueAt", tenant.deletionDueAt().toString());
        record(OperatorAction.DELETION_SCHEDULED, tenant, details);
    }

    /** Calls a scheduled deletion off; the tenant stays closed (SUSPENDED) until it is reactivated. */
    @Transactional
    public void cancelDeletion(TenantId id) {
        var dueAt = registry.require(id).deletionDueAt();
        var tenant = registry.cancelDeletion(id);
        record(OperatorAction.DELETION_CANCELLED, tenant, Map.of("wasDueAt", String.valueOf(dueAt)));
    }

    /** Runs the tenant's migrations now; the tenant answers 503 while they run. */
    public MigrationResult migrate(TenantId id) {
        var tenant = requireData(id, "be migrated");
        var entry = recordAlone(OperatorAction.MIGRATION_RUN, tenant, Map.of());
        var outcome = migrator.migrate(id);
        var migration = migration(id);
        var result = new LinkedHashMap<String, Object>();
        result.put("outcome", outcome.name());
        result.put("schemaVersion", migration.schemaVersion());
        result.put("error", migration.lastError());
        transactions.executeWithoutResult(tx -> audit.addOutcome(entry, result));
        return new MigrationResult(outcome.name(), migration);
    }

    /** A checked request for a tenant's export, ready to be written; the audit has recorded it. */
    record ExportTicket(Tenant tenant, String fileName, UUID auditEntry) {}

    /**
     * Checks that the tenant has data to export and records the request; the zip is written by {@link #export}. Two
     * calls, so that a refusal comes before the response turns into a download.
     */
    public ExportTicket requestExport(TenantId id) {
        var tenant = requireData(id, "be exported");
        var entry = recordAlone(OperatorAction.DATA_EXPORTED, tenant, Map.of());
        var day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return new ExportTicket(tenant, tenant.slug().value() + "-export-" + day + ".zip", entry);
    }

    /** Writes the export that {@link #requestExport} allowed to {@code out}, as a zip. */
    public TenantExport.Summary export(ExportTicket ticket, OutputStream out) {
        var id = ticket.tenant().id();
        var facts = new TenantExport.Facts(
                ticket.tenant(), registry.hostsOf(id), migration(id).schemaVersion(), CurrentOperator.require());
        var summary = export.write(facts, out);
        var outcome = new LinkedHashMap<String, Object>();
        outcome.put("tables", summary.tables().size());
        outcome.put("rows", summary.rows());
        transactions.executeWithoutResult(tx -> audit.addOutcome(ticket.auditEntry(), outcome));
        return summary;
    }

    /**
     * Attaches a custom domain to the tenant and lets the browser login return to it. If the identity provider
     * refuses, the host is not added.
     */
    @Transactional
    public void addCustomHost(TenantId id, String host) {
        var name = HostName.of(host == null ? "" : host.strip());
        registry.addCustomHost(id, name);
        record(OperatorAction.HOST_ADDED, registry.require(id), Map.of("host", name.value()));
        directory.registerAddress(addresses.baseUrl(name));
    }

    /** Detaches a custom domain from the tenant and removes it from the browser login's addresses. */
    @Transactional
    public void removeCustomHost(TenantId id, String host) {
        var name = HostName.of(host == null ? "" : host.strip());
        registry.removeCustomHost(id, name);
        record(OperatorAction.HOST_REMOVED, registry.require(id), Map.of("host", name.value()));
        directory.unregisterAddress(addresses.baseUrl(name));
    }

    /** Provisioning jobs that stopped at a failing step, newest first. */
    public List<JobView> failedJobs() {
        return provisioning.failedJobs().stream().map(JobView::of).toList();
    }

    /** Runs a failed job again from its failing step; returns it as it then is. */
    public JobView retry(UUID jobId) {
        var job = requireFailed(jobId);
        var entry = recordJob(OperatorAction.PROVISIONING_RETRIED, job);
        var after = JobView.of(provisioning.retry(jobId));
        transactions.executeWithoutResult(tx -> audit.addOutcome(entry, jobOutcome(after)));
        return after;
    }

    /** Undoes what a failed job did and forgets its tenant, freeing the address; returns the job as it then is. */
    public JobView discard(UUID jobId) {
        var job = requireFailed(jobId);
        var entry = recordJob(OperatorAction.PROVISIONING_DISCARDED, job);
        var after = JobView.of(provisioning.discard(jobId));
        transactions.executeWithoutResult(tx -> audit.addOutcome(entry, jobOutcome(after)));
        return after;
    }

    private JobView requireFailed(UUID jobId) {
        var job = provisioning.find(jobId).orElseThrow(() -> ProvisioningJobRefused.notFound(jobId));
        if (job.status() != JobStatus.FAILED) {
            throw ProvisioningJobRefused.notFailed(jobId, job.slug(), job.status());
        }
        return JobView.of(job);
    }

    private UUID recordJob(OperatorAction action, JobView job) {
        var details = new LinkedHashMap<String, Object>();
        details.put("job", job.id().toString());
        details.put("failedStep", job.failedStep());
        details.put("error", job.lastError());
        return transactions.execute(tx -> audit.record(
                CurrentOperator.require(), action.code(), new TenantId(job.tenantId()), job.slug(), details));
    }

    private static Map<String, Object> jobOutcome(JobView job) {
        var outcome = new LinkedHashMap<String, Object>();
        outcome.put("status", job.status().name());
        outcome.put("failedStepAfter", job.failedStep());
        outcome.put("errorAfter", job.lastError());
        return outcome;
    }

    private Tenant requireData(TenantId id, String action) {
        var tenant = registry.require(id);
        if (!TenantRegistry.WITH_SCHEMA.contains(tenant.status())) {
            throw new TenantStateConflict(tenant.slug().value(), tenant.status(), action);
        }
        return tenant;
    }

    private MigrationView migration(TenantId id) {
        return MigrationView.of(migrationStates.of(id).orElse(null), migrator.latestVersion());
    }

    private void record(OperatorAction action, Tenant tenant, Map<String, ?> details) {
        audit.record(
                CurrentOperator.require(),
                action.code(),
                tenant.id(),
                tenant.slug().value(),
                details);
    }

    private UUID recordAlone(OperatorAction action, Tenant tenant, Map<String, ?> details) {
        return transactions.execute(tx -> audit.record(
                CurrentOperator.require(),
                action.code(),
                tenant.id(),
                tenant.slug().value(),
                details));
    }
}

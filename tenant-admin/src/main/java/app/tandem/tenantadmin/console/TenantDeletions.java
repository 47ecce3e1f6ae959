package app.tandem.tenantadmin.console;

import app.tandem.core.audit.Operator;
import app.tandem.core.audit.OperatorAudit;
import app.tandem.core.routing.PublicAddresses;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.tenant.TenantHost;
import app.tandem.core.tenant.TenantId;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.identity.IdentityDirectory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deletion job: every {@code tandem.tenantadmin.deletion.check-interval} it deletes the tenants whose grace period
 * is over. Each tenant is deleted in one transaction that holds its row ({@code for update skip locked}, so two nodes
 * never work on the same tenant): its addresses leave the identity provider's web client, its organization is deleted
 * there, its schema is dropped, it becomes DELETED (its line in the fleet snapshot goes) and the audit records it. The identity provider's calls come first
 * and are idempotent: if anything fails, the transaction rolls back (the schema is still there, the tenant still
 * PENDING_DELETION) and the next run does it all again.
 */
@Component
class TenantDeletions {

    private static final Logger log = LoggerFactory.getLogger(TenantDeletions.class);

    private final TenantRegistry registry;
    private final IdentityDirectory directory;
    private final PublicAddresses addresses;
    private final JdbcClient jdbc;
    private final OperatorAudit audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TenantDeletions(
            TenantRegistry registry,
            IdentityDirectory directory,
            PublicAddresses addresses,
            JdbcClient jdbc,
            OperatorAudit audit,
            TransactionTemplate transactions,
            Clock clock) {
        this.registry = registry;
        this.directory = directory;
        this.addresses = addresses;
        this.jdbc = jdbc;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What one run did. */
    record Run(List<TenantId> deleted, Map<TenantId, String> failed) {}

    @Scheduled(
            fixedDelayString = "${tandem.tenantadmin.deletion.check-interval:1h}",
            initialDelayString = "${tandem.tenantadmin.deletion.check-interval:1h}")
    void deleteDueOnSchedule() {
        var run = deleteDue();
        if (!run.deleted().isEmpty() || !run.failed().isEmpty()) {
            log.info(
                    "Deletion job: {} tenants deleted, {} failed",
                    run.deleted().size(),
                    run.failed().size());
        }
    }

    /** Deletes every tenant whose deletion is due now; one tenant's failure does not stop the others. */
    Run deleteDue() {
        var now = clock.instant();
        var deleted = new ArrayList<TenantId>();
        var failed = new LinkedHashMap<TenantId, String>();
        for (var id : registry.dueForDeletion(now)) {
            try {
                if (Boolean.TRUE.equals(transactions.execute(tx -> delete(id)))) {
                    deleted.add(id);
                }
            } catch (RuntimeException e) {
                log.warn("Deletion of tenant {} failed; the next run tries again: {}", id, e.toString());
                failed.put(id, e.toString());
                recordFailure(id, e);
            }
        }
        return new Run(List.copyOf(deleted), Map.copyOf(failed));
    }

    /** Deletes the tenant if it is still due and no other node holds it; returns whether it did. */
    private boolean delete(TenantId id) {
        var now = clock.instant();
        var tenant = registry.lockForDeletion(id, now).orElse(null);
        if (tenant == null) {
            return false;
        }
        var hosts = registry.hostsOf(id);
        var details = details(tenant, hosts);
        for (var host : hosts) {
            directory.unregisterAddress(addresses.baseUrl(host.host()));
        }
        directory.deleteOrganization(tenant.slug());
        jdbc.sql("drop schema if exists \"" + TenantActivity.schemaOf(id) + "\" cascade")
                .update();
        registry.markDeleted(id);
        jdbc.sql("delete from platform.tenant_activity where tenant_id = ?")
                .param(id.value())
                .update();
        audit.record(
                Operator.SYSTEM,
                OperatorAction.TENANT_DELETED.code(),
                id,
                tenant.slug().value(),
                details);
        log.info("Tenant {} deleted: schema dropped, organization removed", tenant.slug());
        return true;
    }

    private static Map<String, Object> details(Tenant tenant, List<TenantHost> hosts) {
        var details = new LinkedHashMap<String, Object>();
        details.put("reason", tenant.statusReason());
        details.put("dueAt", tenant.deletionDueAt().toString());
        details.put("schema", tenant.schemaName());
        details.put("hosts", hosts.stream().map(host -> host.host().value()).toList());
        return details;
    }

    private void recordFailure(TenantId id, RuntimeException error) {
        try {
            var slug = registry.find(id).map(tenant -> tenant.slug().value()).orElse(null);
            transactions.executeWithoutResult(tx -> audit.record(
                    Operator.SYSTEM,
                    OperatorAction.DELETION_FAILED.code(),
                    id,
                    slug,
                    Map.of("error", error.toString())));
        } catch (RuntimeException e) {
            log.warn("Could not audit the failed deletion of tenant {}: {}", id, e.toString());
        }
    }
}

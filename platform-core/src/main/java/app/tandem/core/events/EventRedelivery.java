package app.tandem.core.events;

import app.tandem.core.CoreProperties;
import app.tandem.core.context.NoTenantInScope;
import app.tandem.core.context.TenantContext;
import app.tandem.core.context.TenantJobs;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Delivers again, tenant by tenant, the domain events whose after-commit listeners have not completed: the node died
 * between the commit and the listener, or the listener failed. Each tenant's publications are in its own schema, so the
 * job opens every active tenant's scope in turn and asks the registry there. Listeners must therefore be idempotent: a
 * publication still being handled when it comes due may be handled twice, on this node or another, and must change
 * nothing the second time. Completed publications are deleted once they are older than {@code keep-completed}.
 */
class EventRedelivery {

    private final TenantJobs jobs;
    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final CoreProperties.Events settings;

    EventRedelivery(
            TenantJobs jobs,
            IncompleteEventPublications incomplete,
            CompletedEventPublications completed,
            CoreProperties.Events settings) {
        this.jobs = jobs;
        this.incomplete = incomplete;
        this.completed = completed;
        this.settings = settings;
    }

    @Scheduled(
            fixedDelayString = "${tandem.core.events.redelivery-interval:1m}",
            initialDelayString = "${tandem.core.events.redelivery-interval:1m}")
    void redeliver() {
        jobs.forEachActiveTenant("redeliver-events", tenant -> redeliverInScope());
    }

    /**
     * Redelivers the incomplete publications of the tenant in scope that are older than {@code redeliver-after}, and
     * deletes its old completed ones.
     *
     * @throws NoTenantInScope when no tenant is in scope
     */
    void redeliverInScope() {
        TenantContext.require();
        incomplete.resubmitIncompletePublicationsOlderThan(settings.redeliverAfter());
        completed.deletePublicationsOlderThan(settings.keepCompleted());
    }
}

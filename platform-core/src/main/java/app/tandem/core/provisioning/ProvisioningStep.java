package app.tandem.core.provisioning;

/**
 * One step of provisioning a tenant, contributed by a module as a Spring bean. Both methods must be idempotent: a
 * step may be applied again after a crash, and compensated when it was only partly applied or not at all.
 */
public interface ProvisioningStep {

    /** A stable name, recorded with the job: renaming a step strands the jobs that were running it. */
    String name();

    /** Steps run in ascending order; core's {@code create-schema} is {@value CreateSchemaStep#ORDER}. */
    int order();

    /** Does the step's work for the tenant. Runs inside the tenant's scope. */
    void apply(ProvisioningContext context);

    /** Undoes the step; must succeed when there is nothing to undo. Runs inside the tenant's scope. */
    void compensate(ProvisioningContext context);
}

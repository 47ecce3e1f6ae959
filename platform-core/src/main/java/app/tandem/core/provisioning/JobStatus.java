package app.tandem.core.provisioning;

/** Where a provisioning job stands. */
public enum JobStatus {
    /** Steps are being applied (or will be, once an abandoned job's lease runs out). */
    RUNNING,
    /** Every step is done and the tenant is ACTIVE. */
    SUCCEEDED,
    /** A step kept failing; an operator retries the job or discards it. */
    FAILED,
    /** The job was discarded; the steps done are being undone in reverse. */
    COMPENSATING,
    /** Every step done was undone and the tenant forgotten. */
    ROLLED_BACK
}

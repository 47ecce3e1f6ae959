package app.tandem.core.migration;

/** Where a tenant's schema stands; routing serves a tenant only while it is {@link #CURRENT}. */
public enum MigrationState {
    /** Migrations exist that this schema does not have yet. */
    PENDING,
    /** The migrator is applying migrations to this schema right now. */
    MIGRATING,
    /** Every migration is applied. */
    CURRENT,
    /** The last attempt failed; the error is recorded and the next run tries again. */
    FAILED
}

package app.tandem.billing.account;

/** Where an organization's billing is. */
public enum AccountStatus {
    /** On its trial, with the trial plan's limits until the trial ends. */
    TRIALING,
    /** On a plan that is paid (or free, or comped) and in good standing. */
    ACTIVE,
    /** A payment failed; the organization keeps working during a grace period. */
    PAST_DUE,
    /** The subscription ended; the organization is on the free plan's limits. */
    CANCELED
}

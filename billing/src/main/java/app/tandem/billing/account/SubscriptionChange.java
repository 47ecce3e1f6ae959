package app.tandem.billing.account;

/** What taking on the provider's subscription meant for the organization. */
public enum SubscriptionChange {
    /** Nothing that anyone needs to be told about. */
    NONE,
    /** A payment failed: the grace period started. */
    PAYMENT_FAILED,
    /** What was overdue is paid (or no longer owed): dunning ended, a suspended organization opens again. */
    PAID,
    /** The subscription ended; the organization is on the fallback plan. */
    ENDED
}

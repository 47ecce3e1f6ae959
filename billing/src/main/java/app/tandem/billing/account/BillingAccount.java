package app.tandem.billing.account;

import app.tandem.core.tenant.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One organization's billing account, kept in the platform schema. */
@Entity
@Table(schema = "platform", name = "billing_accounts")
class BillingAccount {

    @Id
    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(nullable = false, length = 40)
    private String plan;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AccountStatus status;

    @Column(name = "trial_ends_at")
    private Instant trialEndsAt;

    @Column(name = "seat_limit")
    private Integer seatLimit;

    @Column(nullable = false)
    private boolean comped;

    @Column(nullable = false)
    private int seats;

    @Column(name = "seats_counted_at")
    private Instant seatsCountedAt;

    @Column(name = "stripe_customer_id")
    private String stripeCustomerId;

    @Column(name = "stripe_subscription_id")
    private String stripeSubscriptionId;

    @Column(name = "stripe_item_id")
    private String stripeItemId;

    @Column(name = "stripe_status")
    private String stripeStatus;

    @Column(name = "past_due_since")
    private Instant pastDueSince;

    @Column(name = "grace_ends_at")
    private Instant graceEndsAt;

    @Column(name = "dunning_notices", nullable = false)
    private int dunningNotices;

    @Column(name = "suspended_for_billing", nullable = false)
    private boolean suspendedForBilling;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected BillingAccount() {}

    /** A new organization's account: on {@code plan}'s trial until {@code trialEndsAt}. */
    static BillingAccount trial(TenantId tenant, String plan, Instant trialEndsAt, Instant now) {
        var account = new BillingAccount();
        account.tenantId = tenant.value();
        account.plan = plan;
        account.status = AccountStatus.TRIALING;
        account.trialEndsAt = trialEndsAt;
        account.createdAt = now;
        account.updatedAt = now;
        return account;
    }

    /** Whether the trial is over at {@code now} without a plan having been chosen. */
    boolean trialOver(Instant now) {
        return trialOver(status, trialEndsAt, now);
    }

    /** Whether an account in this state is past the end of its trial, unpaid. */
    static boolean trialOver(AccountStatus status, Instant trialEndsAt, Instant now) {
        return status == AccountStatus.TRIALING && !now.isBefore(trialEndsAt);
    }

    void cancel(Instant now) {
        this.status = AccountStatus.CANCELED;
        endDunning();
        this.updatedAt = now;
    }

    void attachCustomer(String customerId, Instant now) {
        this.stripeCustomerId = customerId;
        this.updatedAt = now;
    }

    /**
     * Takes on the subscription as the provider holds it now; arriving late, twice or out of order changes nothing,
     * because the state is the provider's current one, not an event's.
     *
     * @param plan the plan of the subscription's price; null keeps the plan (a price the catalog does not know)
     * @return what the change means for dunning
     */
    SubscriptionChange takeSubscription(
            String subscriptionId, String itemId, String providerStatus, String plan, Instant now, Duration grace) {
        this.stripeSubscriptionId = subscriptionId;
        this.stripeItemId = itemId;
        this.stripeStatus = providerStatus;
        this.updatedAt = now;
        if (plan != null) {
            this.plan = plan;
        }
        switch (providerStatus) {
            case "active", "trialing" -> {
                var wasBehind = status == AccountStatus.PAST_DUE || suspendedForBilling;
                status = AccountStatus.ACTIVE;
                endDunning();
                return wasBehind ? SubscriptionChange.PAID : SubscriptionChange.NONE;
            }
            case "past_due", "unpaid" -> {
                if (status == AccountStatus.PAST_DUE) {
                    return SubscriptionChange.NONE;
                }
                status = AccountStatus.PAST_DUE;
                pastDueSince = now;
                graceEndsAt = now.plus(grace);
                dunningNotices = 0;
                return SubscriptionChange.PAYMENT_FAILED;
            }
            case "canceled", "incomplete_expired" -> {
                var wasSuspended = suspendedForBilling;
                status = AccountStatus.CANCELED;
                stripeItemId = null;
                endDunning();
                return wasSuspended ? SubscriptionChange.PAID : SubscriptionChange.ENDED;
            }
            default -> {
                return SubscriptionChange.NONE;
            }
        }
    }

    private void endDunning() {
        pastDueSince = null;
        graceEndsAt = null;
        dunningNotices = 0;
        suspendedForBilling = false;
    }

    /** Whether the reminder with this number (counting from one) is due at {@code now}, given the days after which each is sent. */
    boolean reminderDue(int number, Duration after, Instant now) {
        return status == AccountStatus.PAST_DUE && dunningNotices < number && !now.isBefore(pastDueSince.plus(after));
    }

    void reminded(int number, Instant now) {
        this.dunningNotices = Math.max(dunningNotices, number);
        this.updatedAt = now;
    }

    /** Whether the grace period is over with the payment still overdue. */
    boolean graceOver(Instant now) {
        return status == AccountStatus.PAST_DUE && !suspendedForBilling && !now.isBefore(graceEndsAt);
    }

    void suspendedForBilling(Instant now) {
        this.suspendedForBilling = true;
        this.updatedAt = now;
    }

    /** An operator gives a past-due organization more time; refused when no payment is overdue. */
    void extendGrace(Duration by, Instant now) {
        if (status != AccountStatus.PAST_DUE) {
            throw BillingRefused.notPastDue();
        }
        this.graceEndsAt = (graceEndsAt.isAfter(now) ? graceEndsAt : now).plus(by);
        // A grace period running again means the organization is open until it ends.
        this.suspendedForBilling = false;
        this.updatedAt = now;
    }

    /** An operator puts the organization on a plan without charging it. */
    void comp(String plan, Instant now) {
        this.plan = plan;
        this.comped = true;
        this.status = AccountStatus.ACTIVE;
        endDunning();
        this.updatedAt = now;
    }

    /** An operator sets the seats the organization may hold; null returns to the plan's limit. */
    void limitSeats(Integer limit, Instant now) {
        if (limit != null && limit < 0) {
            throw BillingRefused.negativeLimit(limit);
        }
        this.seatLimit = limit;
        this.updatedAt = now;
    }

    TenantId tenantId() {
        return new TenantId(tenantId);
    }

    String plan() {
        return plan;
    }

    AccountStatus status() {
        return status;
    }

    Instant trialEndsAt() {
        return trialEndsAt;
    }

    Integer seatLimit() {
        return seatLimit;
    }

    boolean comped() {
        return comped;
    }

    int seats() {
        return seats;
    }

    Instant seatsCountedAt() {
        return seatsCountedAt;
    }

    String stripeCustomerId() {
        return stripeCustomerId;
    }

    Instant graceEndsAt() {
        return graceEndsAt;
    }

    Instant pastDueSince() {
        return pastDueSince;
    }

    String stripeSubscriptionId() {
        return stripeSubscriptionId;
    }

    String stripeItemId() {
        return stripeItemId;
    }

    String stripeStatus() {
        return stripeStatus;
    }

    int dunningNotices() {
        return dunningNotices;
    }

    boolean suspendedForBilling() {
        return suspendedForBilling;
    }
}

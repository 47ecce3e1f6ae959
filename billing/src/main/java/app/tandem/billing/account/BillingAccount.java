package app.tandem.billing.account;

import app.tandem.core.tenant.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
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

    @Column(name = "grace_ends_at")
    private Instant graceEndsAt;

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
        return status == AccountStatus.TRIALING && !now.isBefore(trialEndsAt);
    }

    void cancel(Instant now) {
        this.status = AccountStatus.CANCELED;
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
}

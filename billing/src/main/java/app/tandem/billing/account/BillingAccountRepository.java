package app.tandem.billing.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface BillingAccountRepository extends JpaRepository<BillingAccount, UUID> {

    /** The account, locked for the caller's transaction; empty when another transaction holds it. */
    @Query(
            value = "select * from platform.billing_accounts where tenant_id = :tenant for update skip locked",
            nativeQuery = true)
    Optional<BillingAccount> lockUnlessLocked(UUID tenant);

    /** The account, locked for the caller's transaction, waiting for another transaction that holds it. */
    @Query(value = "select * from platform.billing_accounts where tenant_id = :tenant for update", nativeQuery = true)
    Optional<BillingAccount> lock(UUID tenant);

    Optional<BillingAccount> findByStripeCustomerId(String customerId);

    @Query("select a.tenantId from BillingAccount a where a.status = app.tandem.billing.account.AccountStatus.PAST_DUE")
    List<UUID> pastDue();

    @Query("select a.tenantId from BillingAccount a where a.stripeSubscriptionId is not null")
    List<UUID> subscribed();
}

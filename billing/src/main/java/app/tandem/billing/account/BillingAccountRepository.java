package app.tandem.billing.account;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface BillingAccountRepository extends JpaRepository<BillingAccount, UUID> {}

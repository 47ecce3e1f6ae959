package app.tandem.billing.account;

import app.tandem.billing.payment.PaymentGateway;
import app.tandem.core.provisioning.ProvisioningContext;
import app.tandem.core.provisioning.ProvisioningStep;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Provisioning step: the organization's billing account, on its trial, once its organization exists; with Stripe as
 * the provider, also the organization's Stripe customer (created under an idempotency key derived from the tenant, so
 * a resumed step finds the same customer). Compensating deletes the customer and the account.
 */
@Component
class StartBillingStep implements ProvisioningStep {

    private final BillingAccounts accounts;
    private final ObjectProvider<PaymentGateway> gateway;

    StartBillingStep(BillingAccounts accounts, ObjectProvider<PaymentGateway> gateway) {
        this.accounts = accounts;
        this.gateway = gateway;
    }

    @Override
    public String name() {
        return "start-billing";
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public void apply(ProvisioningContext context) {
        accounts.startTrial(context.tenantId());
        var payments = gateway.getIfAvailable();
        if (payments != null && accounts.customerOf(context.tenantId()).isEmpty()) {
            var customer = payments.createCustomer(context.tenantId().value(), context.displayName(), null);
            accounts.attachCustomer(context.tenantId(), customer);
        }
    }

    @Override
    public void compensate(ProvisioningContext context) {
        var payments = gateway.getIfAvailable();
        if (payments != null) {
            accounts.customerOf(context.tenantId())
                    .ifPresent(customer -> payments.deleteCustomer(customer.customerId()));
        }
        accounts.forget(context.tenantId());
    }
}

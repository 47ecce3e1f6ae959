package app.tandem.billing.account;

import app.tandem.core.provisioning.ProvisioningContext;
import app.tandem.core.provisioning.ProvisioningStep;
import org.springframework.stereotype.Component;

/** Provisioning step: the organization's billing account, on its trial, once its organization exists. */
@Component
class StartBillingStep implements ProvisioningStep {

    private final BillingAccounts accounts;

    StartBillingStep(BillingAccounts accounts) {
        this.accounts = accounts;
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
    }

    @Override
    public void compensate(ProvisioningContext context) {
        accounts.forget(context.tenantId());
    }
}

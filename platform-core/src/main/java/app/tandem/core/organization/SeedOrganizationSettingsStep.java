package app.tandem.core.organization;

import app.tandem.core.provisioning.ProvisioningContext;
import app.tandem.core.provisioning.ProvisioningStep;
import org.springframework.stereotype.Component;

/** Provisioning step: the organization's settings row, right after its schema exists. */
@Component
class SeedOrganizationSettingsStep implements ProvisioningStep {

    private final Organizations organizations;

    SeedOrganizationSettingsStep(Organizations organizations) {
        this.organizations = organizations;
    }

    @Override
    public String name() {
        return "seed-organization-settings";
    }

    @Override
    public int order() {
        return 110;
    }

    @Override
    public void apply(ProvisioningContext context) {
        organizations.seed(context.displayName());
    }

    @Override
    public void compensate(ProvisioningContext context) {
        // the row lives in the tenant's schema, which the create-schema step's compensation drops
    }
}

package app.tandem.identity.keycloak;

import app.tandem.core.provisioning.ProvisioningContext;
import app.tandem.core.provisioning.ProvisioningStep;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.identity.IdentityDirectory;

/**
 * Gives a new tenant its Keycloak organization (alias = slug) and lets the browser login return to its subdomain. Runs
 * after core's schema step; both halves are idempotent, as the provisioning SPI requires.
 */
class CreateOrganizationStep implements ProvisioningStep {

    static final int ORDER = 200;

    private final IdentityDirectory directory;
    private final TenantRegistry registry;

    CreateOrganizationStep(IdentityDirectory directory, TenantRegistry registry) {
        this.directory = directory;
        this.registry = registry;
    }

    @Override
    public String name() {
        return "create-organization";
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public void apply(ProvisioningContext context) {
        directory.createOrganization(context.slug(), context.displayName());
        directory.registerHost(registry.subdomainHost(context.slug()));
    }

    @Override
    public void compensate(ProvisioningContext context) {
        directory.unregisterHost(registry.subdomainHost(context.slug()));
        directory.deleteOrganization(context.slug());
    }
}

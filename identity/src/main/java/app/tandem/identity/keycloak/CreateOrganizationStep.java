package app.tandem.identity.keycloak;

import app.tandem.core.provisioning.ProvisioningContext;
import app.tandem.core.provisioning.ProvisioningStep;
import app.tandem.core.routing.PublicAddresses;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.identity.IdentityDirectory;

/**
 * Gives a new tenant its Keycloak organization (alias = slug), binds the tenant to the organization's id and lets the
 * browser login return to the tenant's address. Runs after core's schema step; both halves are idempotent, as the
 * provisioning SPI requires.
 */
class CreateOrganizationStep implements ProvisioningStep {

    static final int ORDER = 200;

    private final IdentityDirectory directory;
    private final TenantRegistry registry;
    private final TenantOrganizations organizations;
    private final PublicAddresses addresses;

    CreateOrganizationStep(
            IdentityDirectory directory,
            TenantRegistry registry,
            TenantOrganizations organizations,
            PublicAddresses addresses) {
        this.directory = directory;
        this.registry = registry;
        this.organizations = organizations;
        this.addresses = addresses;
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
        var organization = directory.createOrganization(context.slug(), context.displayName());
        organizations.bind(context.tenantId(), organization);
        directory.registerAddress(addresses.baseUrl(registry.subdomainHost(context.slug())));
    }

    @Override
    public void compensate(ProvisioningContext context) {
        directory.unregisterAddress(addresses.baseUrl(registry.subdomainHost(context.slug())));
        organizations.unbind(context.tenantId());
        directory.deleteOrganization(context.slug());
    }
}

package app.tandem.core.provisioning;

import app.tandem.core.tenant.InvalidTenantInput;
import app.tandem.core.tenant.TenantKind;
import app.tandem.core.tenant.TenantSlug;

/** A request for a new tenant; its fields are validated when it is made. */
public record ProvisionTenant(TenantSlug slug, String displayName, TenantKind kind) {

    public ProvisionTenant {
        if (slug == null) {
            throw new InvalidTenantInput("slug", "Choose an address for your organization.");
        }
        if (kind == null) {
            throw new InvalidTenantInput(
                    "kind", "Choose whether the organization is an association, school or company.");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new InvalidTenantInput("name", "Enter the name of the organization.");
        }
    }

    public static ProvisionTenant of(String slug, String displayName, TenantKind kind) {
        return new ProvisionTenant(TenantSlug.of(slug), displayName, kind);
    }
}

package app.tandem.core.provisioning;

import app.tandem.core.tenant.TenantId;
import app.tandem.core.tenant.TenantKind;
import app.tandem.core.tenant.TenantSlug;

/** What a provisioning step knows about the tenant it provisions. */
public record ProvisioningContext(TenantId tenantId, TenantSlug slug, String displayName, TenantKind kind) {}

/**
 * The tenant registry in schema {@code platform}: each organization's immutable {@link app.tandem.core.tenant.TenantId}
 * (from which its schema name is derived), its {@link app.tandem.core.tenant.TenantSlug}, display name, kind and
 * lifecycle status, and the hosts it answers on. {@link app.tandem.core.tenant.TenantRegistry} is the entry point.
 */
@NamedInterface("tenant")
package app.tandem.core.tenant;

import org.springframework.modulith.NamedInterface;

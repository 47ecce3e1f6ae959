/**
 * Request routing: the request's host picks the tenant. The base domain and its aliases are the apex host, which
 * serves the platform's own site; {@code <slug>.<base domain>} and registered custom hosts serve their tenant. An
 * unknown host gets 404, a suspended tenant a suspended page (API: 403 problem), and a tenant that is being set up,
 * migrated, or whose migration failed gets 503 — for that tenant only. Controllers say which hosts they serve with
 * {@link app.tandem.core.routing.OnTenantHost} or {@link app.tandem.core.routing.OnApexHost}.
 */
@NamedInterface("routing")
package app.tandem.core.routing;

import org.springframework.modulith.NamedInterface;

package app.tandem.core.organization;

import app.tandem.core.routing.OnTenantHost;
import app.tandem.core.routing.TenantRoute;
import app.tandem.core.tenant.TenantKind;
import app.tandem.core.tenant.TenantStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/tenant}: the organization of the request's host. What the registry knows comes with the request's
 * route; the settings are read from the tenant's own schema.
 */
@RestController
@OnTenantHost
@RequestMapping("/api/v1/tenant")
class TenantApi {

    private final Organizations organizations;

    TenantApi(Organizations organizations) {
        this.organizations = organizations;
    }

    /** The organization as its members' applications see it. */
    record TenantView(
            UUID id,
            String slug,
            String name,
            TenantKind kind,
            TenantStatus status,
            String welcomeMessage,
            String timeZone,
            String locale,
            String schemaVersion) {}

    @GetMapping
    TenantView current(HttpServletRequest request) {
        var route = TenantRoute.of(request).orElseThrow();
        var settings = organizations.current();
        return new TenantView(
                route.id().value(),
                route.slug(),
                route.displayName(),
                route.kind(),
                route.status(),
                settings.welcomeMessage(),
                settings.timeZone(),
                settings.locale(),
                route.schemaVersion());
    }
}

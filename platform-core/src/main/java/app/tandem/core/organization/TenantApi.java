package app.tandem.core.organization;

import app.tandem.core.context.TenantContext;
import app.tandem.core.migration.MigrationStates;
import app.tandem.core.routing.OnTenantHost;
import app.tandem.core.tenant.TenantKind;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.core.tenant.TenantStatus;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/tenant}: the organization of the request's host, from the registry and its own schema. */
@RestController
@OnTenantHost
@RequestMapping("/api/v1/tenant")
class TenantApi {

    private final TenantRegistry registry;
    private final Organizations organizations;
    private final MigrationStates migrationStates;

    TenantApi(TenantRegistry registry, Organizations organizations, MigrationStates migrationStates) {
        this.registry = registry;
        this.organizations = organizations;
        this.migrationStates = migrationStates;
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
    TenantView current() {
        var tenant = registry.require(TenantContext.require());
        var settings = organizations.current();
        var version = migrationStates
                .of(tenant.id())
                .map(MigrationStates.Record::schemaVersion)
                .orElse(null);
        return new TenantView(
                tenant.id().value(),
                tenant.slug().value(),
                tenant.displayName(),
                tenant.kind(),
                tenant.status(),
                settings.welcomeMessage(),
                settings.timeZone(),
                settings.locale(),
                version);
    }
}

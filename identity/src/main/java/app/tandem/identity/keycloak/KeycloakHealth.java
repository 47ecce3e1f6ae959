package app.tandem.identity.keycloak;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports whether the Tandem realm answers. Not part of readiness: without Keycloak, visitors still get public pages
 * and a clear "sign-in unavailable" page, and members with a session keep working.
 */
@Component("keycloak")
class KeycloakHealth implements HealthIndicator {

    private final KeycloakAvailability availability;

    KeycloakHealth(KeycloakAvailability availability) {
        this.availability = availability;
    }

    @Override
    public Health health() {
        var builder = availability.reachable() ? Health.up() : Health.down();
        return builder.withDetail("discovery", availability.discovery().toString())
                .build();
    }
}

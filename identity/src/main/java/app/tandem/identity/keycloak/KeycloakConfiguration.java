package app.tandem.identity.keycloak;

import app.tandem.core.routing.PublicAddresses;
import app.tandem.core.tenant.TenantRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Keycloak admin gateway, its provisioning step and the probe of the realm's availability. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeycloakProperties.class)
class KeycloakConfiguration {

    @Bean
    KeycloakIdentityDirectory keycloakIdentityDirectory(KeycloakProperties properties) {
        return new KeycloakIdentityDirectory(properties);
    }

    @Bean
    CreateOrganizationStep createOrganizationStep(
            KeycloakIdentityDirectory directory,
            TenantRegistry registry,
            TenantOrganizations organizations,
            PublicAddresses addresses) {
        return new CreateOrganizationStep(directory, registry, organizations, addresses);
    }

    @Bean
    KeycloakAvailability keycloakAvailability(KeycloakProperties properties) {
        return new KeycloakAvailability(properties);
    }
}

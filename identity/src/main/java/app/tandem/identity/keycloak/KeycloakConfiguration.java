package app.tandem.identity.keycloak;

import app.tandem.core.tenant.TenantRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Keycloak gateway and its provisioning step, only where a Keycloak is configured. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("tandem.identity.keycloak.base-url")
@EnableConfigurationProperties(KeycloakProperties.class)
class KeycloakConfiguration {

    @Bean
    KeycloakIdentityDirectory keycloakIdentityDirectory(KeycloakProperties properties) {
        return new KeycloakIdentityDirectory(properties);
    }

    @Bean
    CreateOrganizationStep createOrganizationStep(KeycloakIdentityDirectory directory, TenantRegistry registry) {
        return new CreateOrganizationStep(directory, registry);
    }
}

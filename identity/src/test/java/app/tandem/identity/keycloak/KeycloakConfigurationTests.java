package app.tandem.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import app.tandem.core.provisioning.ProvisioningStep;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.identity.IdentityDirectory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class KeycloakConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(KeycloakConfiguration.class)
            .withBean(TenantRegistry.class, () -> mock(TenantRegistry.class));

    @Test
    void hasNoGatewayAndNoProvisioningStepWithoutAKeycloakBaseUrl() {
        runner.run(context -> assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(IdentityDirectory.class)
                .doesNotHaveBean(ProvisioningStep.class));
    }

    @Test
    void hasTheGatewayAndTheCreateOrganizationStepWithAKeycloakBaseUrl() {
        runner.withPropertyValues("tandem.identity.keycloak.base-url=http://localhost:8180/")
                .run(context -> {
                    assertThat(context).hasSingleBean(IdentityDirectory.class);
                    assertThat(context.getBean(ProvisioningStep.class).name()).isEqualTo("create-organization");
                    assertThat(context.getBean(ProvisioningStep.class).order()).isEqualTo(200);
                });
    }

    @Test
    void defaultsTheRealmClientTimeoutsAndRetries() {
        runner.withPropertyValues("tandem.identity.keycloak.base-url=http://localhost:8180/")
                .run(context -> {
                    var properties = context.getBean(KeycloakProperties.class);
                    assertThat(properties.baseUrl()).isEqualTo("http://localhost:8180");
                    assertThat(properties.realm()).isEqualTo("tandem");
                    assertThat(properties.webClientId()).isEqualTo("tandem-web");
                    assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(properties.retries()).isEqualTo(2);
                    assertThat(properties.toString()).doesNotContain("adminPassword", "webClientSecret");
                });
    }
}

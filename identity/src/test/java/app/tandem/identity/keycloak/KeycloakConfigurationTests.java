package app.tandem.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import app.tandem.core.provisioning.ProvisioningStep;
import app.tandem.core.routing.PublicAddresses;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.identity.IdentityDirectory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class KeycloakConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(KeycloakConfiguration.class)
            .withBean(TenantRegistry.class, () -> mock(TenantRegistry.class))
            .withBean(TenantOrganizations.class, () -> mock(TenantOrganizations.class))
            .withBean(PublicAddresses.class, () -> mock(PublicAddresses.class));

    @Test
    void refusesToStartWithoutAKeycloakBaseUrlAndSaysWhatToSet() {
        runner.run(context -> assertThat(context)
                .hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("Set tandem.identity.keycloak.base-url"));
    }

    @Test
    void hasTheGatewayAndTheCreateOrganizationStepAfterCoresSchemaStep() {
        runner.withPropertyValues("tandem.identity.keycloak.base-url=http://localhost:8180/")
                .run(context -> {
                    assertThat(context).hasSingleBean(IdentityDirectory.class);
                    assertThat(context.getBean(ProvisioningStep.class).name()).isEqualTo("create-organization");
                    assertThat(context.getBean(ProvisioningStep.class).order()).isEqualTo(200);
                });
    }

    @Test
    void defaultsTheRealmClientTimeoutsRetriesAndThePublicUrl() {
        runner.withPropertyValues("tandem.identity.keycloak.base-url=http://localhost:8180/")
                .run(context -> {
                    var properties = context.getBean(KeycloakProperties.class);
                    assertThat(properties.baseUrl()).isEqualTo("http://localhost:8180");
                    assertThat(properties.publicUrl()).isEqualTo("http://localhost:8180");
                    assertThat(properties.issuer()).isEqualTo("http://localhost:8180/realms/tandem");
                    assertThat(properties.realm()).isEqualTo("tandem");
                    assertThat(properties.webClientId()).isEqualTo("tandem-web");
                    assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(properties.retries()).isEqualTo(2);
                    assertThat(properties.tokenClockSkew()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(properties.toString()).doesNotContain("adminPassword", "webClientSecret");
                });
    }

    @Test
    void issuesTokensUnderThePublicUrlWhileTalkingToTheBaseUrl() {
        runner.withPropertyValues(
                        "tandem.identity.keycloak.base-url=http://keycloak.internal:8080",
                        "tandem.identity.keycloak.public-url=https://login.tandem.app/")
                .run(context -> {
                    var properties = context.getBean(KeycloakProperties.class);
                    assertThat(properties.issuer()).isEqualTo("https://login.tandem.app/realms/tandem");
                    assertThat(properties.backchannelIssuer()).isEqualTo("http://keycloak.internal:8080/realms/tandem");
                });
    }
}

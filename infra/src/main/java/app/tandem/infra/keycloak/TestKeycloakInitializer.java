package app.tandem.infra.keycloak;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at the JVM's {@link TestKeycloak} and its Tandem realm (the {@code tandem.identity.
 * keycloak.*} and Spring Security issuer properties). Use it with
 * {@code @ContextConfiguration(initializers = TestKeycloakInitializer.class)}.
 */
public class TestKeycloakInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "tandemTestKeycloak", TestKeycloak.get().coordinates().asProperties()));
    }
}

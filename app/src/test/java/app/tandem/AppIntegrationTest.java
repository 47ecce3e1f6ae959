package app.tandem;

import app.tandem.identity.test.IdentityIntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application as a local run has it: a real server on a random port, real PostgreSQL and Keycloak, the demo
 * tenant and its accounts. One context for all of the app's tests that use it (MockMvc works on it too).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@IdentityIntegrationTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tandem.core.public-url.scheme=http", "tandem.core.public-url.port=0", "tandem.demo.enabled=true"
        })
public @interface AppIntegrationTest {}

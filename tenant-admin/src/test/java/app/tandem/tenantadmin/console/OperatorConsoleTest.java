package app.tandem.tenantadmin.console;

import app.tandem.core.test.FlakyProvisioningStep;
import app.tandem.identity.test.IdentityIntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * The console's tests: identity's integration context (PostgreSQL, the test Keycloak, MockMvc) with operators, a clock
 * tests can move and the provisioning step that fails on demand. One context for every console test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@IdentityIntegrationTest
@Import({OperatorFixtures.class, FlakyProvisioningStep.class})
@interface OperatorConsoleTest {}

package app.tandem.billing;

import app.tandem.identity.test.IdentityIntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * One application context for this module's integration tests: identity's (real PostgreSQL, Keycloak, test mailbox,
 * MockMvc) with mentoring and billing, the {@link BillingFixtures} and a {@link app.tandem.core.test.TestClock}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@IdentityIntegrationTest
@Import(BillingFixtures.class)
public @interface BillingIntegrationTest {}

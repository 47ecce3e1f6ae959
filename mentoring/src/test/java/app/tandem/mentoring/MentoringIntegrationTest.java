package app.tandem.mentoring;

import app.tandem.identity.test.IdentityIntegrationTest;
import app.tandem.mentoring.enrollment.ProgramFixtures;
import app.tandem.mentoring.enrollment.WithdrawalsHeard;
import app.tandem.mentoring.match.MatchFixtures;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * One application context for every integration test of this module: identity's (real PostgreSQL, Keycloak, test
 * mailbox, MockMvc) with the fixtures of programs, enrollments and matches, an ear for withdrawals and a
 * {@link app.tandem.core.test.TestClock} as the clock (a test that moves it puts it back).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@IdentityIntegrationTest
@Import({ProgramFixtures.class, WithdrawalsHeard.class, MatchFixtures.class})
public @interface MentoringIntegrationTest {}

package app.tandem.mentoring.enrollment;

import app.tandem.identity.test.IdentityIntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/** Identity's integration context with programs to enroll in and an ear for withdrawals; one context for these tests. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@IdentityIntegrationTest
@Import({ProgramFixtures.class, WithdrawalsHeard.class})
public @interface EnrollmentIntegrationTest {}

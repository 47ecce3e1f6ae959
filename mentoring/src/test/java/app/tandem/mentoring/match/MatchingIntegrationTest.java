package app.tandem.mentoring.match;

import app.tandem.identity.test.IdentityIntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/** One application context for every matching integration test: identity's, plus {@link MatchFixtures}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IdentityIntegrationTest
@Import(MatchFixtures.class)
@interface MatchingIntegrationTest {}

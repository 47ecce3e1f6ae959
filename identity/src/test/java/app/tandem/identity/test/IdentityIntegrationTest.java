package app.tandem.identity.test;

import app.tandem.core.test.TenantFixtures;
import app.tandem.infra.keycloak.TestKeycloakInitializer;
import app.tandem.infra.mail.TestMailboxInitializer;
import app.tandem.infra.postgres.TestDatabaseInitializer;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full application context with identity: real PostgreSQL (a fresh database per distinct context), the JVM's test
 * Keycloak and the JVM's test mailbox (GreenMail), where both the outbox and Keycloak send their mail. Browsers reach it over plain HTTP on the server's port, so redirect URIs are registered that way. Brings
 * {@link TenantFixtures}, {@link MemberFixtures} and MockMvc.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(properties = {"tandem.core.public-url.scheme=http", "tandem.core.public-url.port=0"})
@AutoConfigureMockMvc
@ContextConfiguration(
        initializers = {TestDatabaseInitializer.class, TestKeycloakInitializer.class, TestMailboxInitializer.class})
@Import({TenantFixtures.class, MemberFixtures.class})
public @interface IdentityIntegrationTest {}

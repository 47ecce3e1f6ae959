package app.tandem.tenantadmin.console;

import app.tandem.core.test.TestClock;
import app.tandem.identity.IdentityDirectory;
import app.tandem.infra.keycloak.TestKeycloak;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Platform operators for the console's tests (Keycloak users with the realm role {@code platform-operator}) and their
 * real access tokens, plus the {@link TestClock} that stands in for the system clock.
 */
class OperatorFixtures {

    static final String PASSWORD = "operator-password-1";

    private static final AtomicInteger counter = new AtomicInteger();

    private final IdentityDirectory directory;

    OperatorFixtures(IdentityDirectory directory) {
        this.directory = directory;
    }

    /** An operator who can sign in at once. */
    record Operator(String userId, String email) {}

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    Operator operator() {
        var n = counter.incrementAndGet();
        var email = "operator-" + n + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var userId = TestKeycloak.get().createUser(email, "Olga", "Operator" + n, PASSWORD);
        directory.grantOperatorRole(userId);
        return new Operator(userId, email);
    }

    /** The operator's access token from a real login on the platform site (no organization). */
    String token(Operator operator) {
        return TestKeycloak.get()
                .login()
                .tokens(operator.email(), PASSWORD, "openid")
                .accessToken();
    }
}

package app.tandem.infra.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the JVM's {@link TestKeycloak} offers other modules' tests: users, real tokens, short-lived tokens. */
class TestKeycloakIT {

    private static final String PASSWORD = "s3cret-Pass";

    private final TestKeycloak keycloak = TestKeycloak.get();

    @AfterEach
    void restoreLifespan() {
        keycloak.restoreAccessTokenLifespan();
    }

    @Test
    void createdUserSignsInAtOnceAndGetsEveryToken() {
        var email = email();
        var userId = keycloak.createUser(email, "Mia", "Mentor", PASSWORD);

        var tokens = keycloak.login().tokens(email, PASSWORD, "openid");

        var user = keycloak.admin().get("/admin/realms/tandem/users/" + userId);
        assertThat(user.path("username").asString()).isEqualTo(email);
        assertThat(user.path("emailVerified").asBoolean()).isTrue();
        assertThat(user.path("requiredActions").size()).isZero();
        assertThat(tokens.refreshToken()).isNotBlank();
        assertThat(tokens.expiresIn()).isPositive();
        var claims = tokens.accessTokenClaims();
        assertThat(claims.path("sub").asString()).isEqualTo(userId);
        assertThat(claims.path("email").asString()).isEqualTo(email);
        assertThat(claims.path("given_name").asString()).isEqualTo("Mia");
        assertThat(claims.path("family_name").asString()).isEqualTo("Mentor");
        // expires_in is counted when Keycloak answers, which may be a second after it issued the token.
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong())
                .isBetween(tokens.expiresIn().toSeconds(), tokens.expiresIn().toSeconds() + 1);
        assertThat(tokens.idTokenClaims().path("aud").asString()).isEqualTo("tandem-web");
        assertThat(tokens.toString()).doesNotContain(tokens.accessToken());
    }

    @Test
    void signsOneUserAfterAnotherInWithTheSameLogin() {
        var first = email();
        var second = email();
        var firstId = keycloak.createUser(first, "Fay", "First", PASSWORD);
        var secondId = keycloak.createUser(second, "Sam", "Second", PASSWORD);
        var login = keycloak.login();

        assertThat(login.accessTokenClaims(first, PASSWORD, "openid")
                        .path("sub")
                        .asString())
                .isEqualTo(firstId);
        assertThat(login.accessTokenClaims(second, PASSWORD, "openid")
                        .path("sub")
                        .asString())
                .isEqualTo(secondId);
    }

    @Test
    void redirectsToAnotherRegisteredRedirectUri() {
        var email = email();
        keycloak.createUser(email, "Dee", "Demo", PASSWORD);
        // Another path under the registered http://localhost:8080/* of the realm file.
        var login = keycloak.login().withRedirectUri("http://localhost:8080/elsewhere/login/oauth2/code/keycloak");

        var claims = login.accessTokenClaims(email, PASSWORD, "openid");

        assertThat(claims.path("email").asString()).isEqualTo(email);
    }

    @Test
    void refusesARedirectUriTheClientDoesNotKnow() {
        var email = email();
        keycloak.createUser(email, "Una", "Known", PASSWORD);
        var login = keycloak.login().withRedirectUri("http://elsewhere.localhost:9/login/oauth2/code/keycloak");

        assertThatThrownBy(() -> login.tokens(email, PASSWORD, "openid"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Is http://elsewhere.localhost:9/login/oauth2/code/keycloak a registered"
                        + " redirect URI of client tandem-web?");
    }

    @Test
    void saysSoWhenThePasswordIsWrong() {
        var email = email();
        keycloak.createUser(email, "Wes", "Wrong", PASSWORD);

        assertThatThrownBy(() -> keycloak.login().tokens(email, "not-" + PASSWORD, "openid"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Keycloak did not sign " + email + " in");
    }

    @Test
    void issuesShortLivedAccessTokensUntilTheLifespanIsRestored() {
        var email = email();
        keycloak.createUser(email, "Tim", "Short", PASSWORD);
        var realmLifespan = keycloak.admin()
                .get("/admin/realms/tandem")
                .path("accessTokenLifespan")
                .asLong();

        keycloak.setAccessTokenLifespan(Duration.ofSeconds(1));
        var shortLived = keycloak.login().tokens(email, PASSWORD, "openid");
        keycloak.restoreAccessTokenLifespan();
        var restored = keycloak.login().tokens(email, PASSWORD, "openid");

        assertThat(shortLived.expiresIn()).isLessThanOrEqualTo(Duration.ofSeconds(1));
        var claims = shortLived.accessTokenClaims();
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(1);
        assertThat(restored.expiresIn().toSeconds()).isBetween((long) realmLifespan - 1, (long) realmLifespan);
    }

    private static String email() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}

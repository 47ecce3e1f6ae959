package app.tandem.mentoring.program;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import app.tandem.core.tenant.Tenant;
import app.tandem.identity.test.MemberFixtures.Account;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A browser session on a tenant's host, as identity's login leaves it: an OIDC login whose user names the tenant. The
 * session's user type is identity's own (package-private), so it is made here by reflection; identity's filter then
 * reads the member from the tenant's table on every request, as for a real login. Only the Keycloak round trip is
 * skipped (the application's browser tests cover it).
 */
final class SignedInSessions {

    private SignedInSessions() {}

    static RequestPostProcessor signedIn(Tenant tenant, Account account) {
        var authorities = List.<GrantedAuthority>of(new SimpleGrantedAuthority("OIDC_USER"));
        var now = Instant.now();
        var idToken = new OidcIdToken(
                "test-id-token",
                now,
                now.plusSeconds(3600),
                Map.of("sub", account.userId(), "email", account.email(), "name", account.displayName()));
        return authentication(new OAuth2AuthenticationToken(
                tandemUser(authorities, idToken, tenant.id().value()), authorities, "keycloak"));
    }

    private static OidcUser tandemUser(Collection<GrantedAuthority> authorities, OidcIdToken idToken, UUID tenant) {
        try {
            var type = Class.forName("app.tandem.identity.security.TandemUser");
            var constructor = type.getDeclaredConstructor(Collection.class, OidcIdToken.class, UUID.class);
            constructor.setAccessible(true);
            return (OidcUser) constructor.newInstance(authorities, idToken, tenant);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("identity's session user changed; update this test support", e);
        }
    }
}

package app.tandem.identity.security;

import app.tandem.core.tenant.Tenant;
import app.tandem.identity.test.MemberFixtures.Account;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A browser session of a member on their tenant's host, as identity's login leaves it (a {@link TandemUser} bound to
 * the tenant), for MockMvc page tests. Identity's membership filter still reads the member on every request, so role
 * and status count as in production. It lives in identity's package because {@link TandemUser} is package-private;
 * identity's test-jar is the better home for it.
 */
public final class TestSessions {

    private TestSessions() {}

    public static RequestPostProcessor session(Tenant tenant, Account account) {
        var now = Instant.now();
        var idToken = new OidcIdToken(
                "test-id-token",
                now,
                now.plusSeconds(3600),
                Map.of("sub", account.userId(), "email", account.email(), "name", account.displayName()));
        var authorities = List.of(new SimpleGrantedAuthority("OIDC_USER"));
        var user = new TandemUser(authorities, idToken, tenant.id().value());
        return SecurityMockMvcRequestPostProcessors.authentication(
                new OAuth2AuthenticationToken(user, authorities, "keycloak"));
    }
}

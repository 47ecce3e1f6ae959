package app.tandem.identity.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import app.tandem.core.tenant.Tenant;
import app.tandem.identity.test.MemberFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A browser session on a tenant's host as the login leaves it, for MockMvc page tests: the session's user names the
 * tenant, and identity's filter reads the member from the tenant's table on every request, as for a real login. Only
 * the Keycloak round trip is skipped (the application's browser tests cover it). Use it through
 * {@link MemberFixtures#session}.
 */
public final class BrowserSessions {

    private BrowserSessions() {}

    public static RequestPostProcessor signedIn(Tenant tenant, MemberFixtures.Account account) {
        var authorities = List.<GrantedAuthority>of(new SimpleGrantedAuthority("OIDC_USER"));
        var now = Instant.now();
        var idToken = new OidcIdToken(
                "test-id-token",
                now,
                now.plusSeconds(3600),
                Map.of("sub", account.userId(), "email", account.email(), "name", account.displayName()));
        return authentication(new OAuth2AuthenticationToken(
                new TandemUser(authorities, idToken, tenant.id().value()), authorities, "keycloak"));
    }
}

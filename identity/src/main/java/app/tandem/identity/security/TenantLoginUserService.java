package app.tandem.identity.security;

import app.tandem.core.routing.TenantRoute;
import app.tandem.identity.keycloak.TenantOrganizations;
import app.tandem.identity.member.MemberRefused;
import app.tandem.identity.member.Members;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Decides whether a browser login that Keycloak accepted opens a session on this host. On a tenant host the access
 * token must name the tenant's organization (by alias and id) and the member must not be deactivated; their first
 * login links or creates their member row. On the platform site only platform operators sign in.
 */
class TenantLoginUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService oidc = new OidcUserService();
    private final JwtDecoder accessTokens;
    private final TenantOrganizations organizations;
    private final Members members;

    TenantLoginUserService(JwtDecoder accessTokens, TenantOrganizations organizations, Members members) {
        this.accessTokens = accessTokens;
        this.organizations = organizations;
        this.members = members;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        var user = oidc.loadUser(request);
        TokenClaims claims;
        try {
            claims = TokenClaims.of(accessTokens
                    .decode(request.getAccessToken().getTokenValue())
                    .getClaims());
        } catch (JwtException e) {
            throw LoginRefused.because(LoginRefused.FAILED);
        }
        var route = currentRoute();
        if (route == null) {
            if (!claims.operator()) {
                throw LoginRefused.because(LoginRefused.NOT_AN_OPERATOR);
            }
            return new TandemUser(
                    List.of(new SimpleGrantedAuthority(SecurityConfiguration.OPERATOR_AUTHORITY)),
                    user.getIdToken(),
                    null);
        }
        var organization = organizations.organizationOf(route.id());
        if (organization.isEmpty() || !claims.names(route.slug(), organization.get())) {
            throw LoginRefused.because(LoginRefused.NOT_A_MEMBER);
        }
        var tenantUser = new TandemUser(List.of(), user.getIdToken(), route.id().value());
        try {
            var member = members.signIn(tenantUser.getSubject(), tenantUser.getEmail(), tenantUser.displayName());
            return new TandemUser(
                    List.of(new SimpleGrantedAuthority(member.role().authority())),
                    user.getIdToken(),
                    route.id().value());
        } catch (MemberRefused e) {
            throw LoginRefused.because(e.code());
        }
    }

    private static TenantRoute currentRoute() {
        var attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        return TenantRoute.of(attributes.getRequest()).orElse(null);
    }
}

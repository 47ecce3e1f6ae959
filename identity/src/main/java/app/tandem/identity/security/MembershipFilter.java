package app.tandem.identity.security;

import app.tandem.core.routing.TenantRoute;
import app.tandem.core.web.Refusals;
import app.tandem.identity.CurrentMember;
import app.tandem.identity.SignedInMember;
import app.tandem.identity.keycloak.TenantOrganizations;
import app.tandem.identity.member.MemberRefused;
import app.tandem.identity.member.Members;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds every signed-in request to the tenant of its host, after authentication and before authorization:
 *
 * <ul>
 *   <li>a browser session is good only on the host it was opened on (the tenant it names, or the platform site);
 *       elsewhere it is dropped and the visitor is anonymous;
 *   <li>an access token on a tenant host must name that tenant's organization (alias and id), else 403;
 *   <li>on a tenant host the member is read from the tenant's {@code members} table on every request, so a role
 *       change counts at once and a deactivated member is refused everywhere (403, and their session is ended); the
 *       request's authorities become the member's role and {@link CurrentMember} answers with them.
 * </ul>
 */
class MembershipFilter extends OncePerRequestFilter {

    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final TenantOrganizations organizations;
    private final Members members;
    private final Refusals refusals;

    MembershipFilter(TenantOrganizations organizations, Members members, Refusals refusals) {
        this.organizations = organizations;
        this.members = members;
        this.refusals = refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = contexts.getContext().getAuthentication();
        var route = TenantRoute.of(request).orElse(null);
        if (authentication instanceof OAuth2AuthenticationToken session
                && session.getPrincipal() instanceof TandemUser user) {
            if (!Objects.equals(user.tenant(), route == null ? null : route.id().value())) {
                endSession(request);
            } else if (route != null) {
                var member = member(request, response, route, user.getSubject(), user.getEmail(), user.displayName());
                if (member == null) {
                    return;
                }
                signInAs(
                        request,
                        member,
                        new OAuth2AuthenticationToken(
                                user, authoritiesOf(member), session.getAuthorizedClientRegistrationId()));
            }
        } else if (authentication instanceof JwtAuthenticationToken token && route != null) {
            var jwt = token.getToken();
            var organization = organizations.organizationOf(route.id());
            if (organization.isEmpty() || !TokenClaims.of(jwt.getClaims()).names(route.slug(), organization.get())) {
                refusals.send(
                        request,
                        response,
                        HttpStatus.FORBIDDEN,
                        "token-of-another-organization",
                        "identity.refused.token-of-another-organization",
                        route.displayName());
                return;
            }
            var name = jwt.getClaimAsString("name");
            var member = member(request, response, route, jwt.getSubject(), jwt.getClaimAsString("email"), name);
            if (member == null) {
                return;
            }
            signInAs(request, member, new JwtAuthenticationToken(jwt, authoritiesOf(member), jwt.getSubject()));
        } else if (route != null
                && authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            // Fail closed: on a tenant host only this tenant's own logins and tokens count, nothing else that some
            // other mechanism may have put in the context.
            endSession(request);
        }
        chain.doFilter(request, response);
    }

    /** The member behind the request, or null when they are refused (the response is then written). */
    private SignedInMember member(
            HttpServletRequest request,
            HttpServletResponse response,
            TenantRoute route,
            String subject,
            String email,
            String name)
            throws IOException {
        try {
            return members.signIn(subject, email, name);
        } catch (MemberRefused e) {
            endSession(request);
            refusals.send(
                    request,
                    response,
                    HttpStatus.FORBIDDEN,
                    e.code(),
                    "identity.refused." + e.code(),
                    route.displayName());
            return null;
        }
    }

    private void signInAs(HttpServletRequest request, SignedInMember member, Authentication authentication) {
        request.setAttribute(CurrentMember.REQUEST_ATTRIBUTE, member);
        // For this request only: the session keeps the login's authentication, and the next request reads the member
        // afresh.
        var context = contexts.createEmptyContext();
        context.setAuthentication(authentication);
        contexts.setContext(context);
    }

    private void endSession(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        var anonymous = contexts.createEmptyContext();
        anonymous.setAuthentication(new AnonymousAuthenticationToken(
                "tandem-ended-session", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        contexts.setContext(anonymous);
    }

    private static List<SimpleGrantedAuthority> authoritiesOf(SignedInMember member) {
        return List.of(new SimpleGrantedAuthority(member.role().authority()));
    }
}

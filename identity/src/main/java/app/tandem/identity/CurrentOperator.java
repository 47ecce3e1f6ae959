package app.tandem.identity;

import app.tandem.core.audit.Operator;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The platform operator of the current request, as the operator audit names them: from the browser session's OIDC
 * user or the bearer token's claims. Only code that already admits operators alone asks for it.
 */
public final class CurrentOperator {

    private CurrentOperator() {}

    /** The operator signed in on this thread; throws when nobody is. */
    public static Operator require() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    static Operator of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("An operator action needs a signed-in operator");
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            return new Operator(token.getToken().getSubject(), token.getToken().getClaimAsString("email"));
        }
        if (authentication.getPrincipal() instanceof OidcUser user) {
            return new Operator(user.getSubject(), user.getEmail());
        }
        if (authentication.getPrincipal() instanceof OAuth2User user) {
            return new Operator(user.getName(), user.getAttribute("email"));
        }
        return new Operator(authentication.getName(), null);
    }
}

package app.tandem.tenantadmin.console;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who did something, as the audit records it: the operator's subject at the identity provider and their email, or
 * {@link #SYSTEM} for the platform's own jobs.
 */
record Actor(String subject, String email) {

    static final Actor SYSTEM = new Actor("system", null);

    /** The operator of the current request: a browser session or a bearer token. */
    static Actor current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    static Actor of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("An operator action needs a signed-in operator");
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            return new Actor(token.getToken().getSubject(), token.getToken().getClaimAsString("email"));
        }
        if (authentication.getPrincipal() instanceof OidcUser user) {
            return new Actor(user.getSubject(), user.getEmail());
        }
        if (authentication.getPrincipal() instanceof OAuth2User user) {
            return new Actor(user.getName(), user.getAttribute("email"));
        }
        return new Actor(authentication.getName(), null);
    }

    /** The email when there is one, else the subject. */
    String label() {
        return email != null ? email : subject;
    }
}

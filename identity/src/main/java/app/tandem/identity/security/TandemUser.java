package app.tandem.identity.security;

import java.io.Serial;
import java.util.Collection;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A browser session's user: the ID token of their login and the tenant the login was made for (none on the platform
 * site, where only operators sign in). The session is good on that tenant's host only.
 */
final class TandemUser extends DefaultOidcUser {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID tenant;

    TandemUser(Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken, UUID tenant) {
        super(authorities, idToken, "sub");
        this.tenant = tenant;
    }

    /** The tenant this session belongs to, or null for an operator's session on the platform site. */
    UUID tenant() {
        return tenant;
    }

    /** The name to show: the full name Keycloak has, else the email address. */
    String displayName() {
        var name = getFullName();
        return name == null || name.isBlank() ? getEmail() : name;
    }
}

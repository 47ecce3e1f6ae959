package app.tandem.identity.security;

import app.tandem.core.routing.TenantRoute;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashSet;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * The authorization request of a browser login: PKCE (S256) always, and on a tenant host the scope
 * {@code organization:<slug>}, so that Keycloak puts that organization (and only it) in the token when the user is a
 * member.
 */
class TenantAuthorizationRequests implements OAuth2AuthorizationRequestResolver {

    private final DefaultOAuth2AuthorizationRequestResolver defaults;

    TenantAuthorizationRequests(ClientRegistrationRepository registrations) {
        this.defaults = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, SecurityConfiguration.AUTHORIZATION_BASE_URI);
        this.defaults.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        return forTenant(request, defaults.resolve(request));
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
        return forTenant(request, defaults.resolve(request, registrationId));
    }

    private static OAuth2AuthorizationRequest forTenant(
            HttpServletRequest request, OAuth2AuthorizationRequest authorization) {
        if (authorization == null) {
            return null;
        }
        var route = TenantRoute.of(request);
        if (route.isEmpty()) {
            return authorization;
        }
        var scopes = new LinkedHashSet<>(authorization.getScopes());
        scopes.add("organization:" + route.get().slug());
        return OAuth2AuthorizationRequest.from(authorization).scopes(scopes).build();
    }
}

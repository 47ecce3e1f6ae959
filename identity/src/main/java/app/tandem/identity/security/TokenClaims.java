package app.tandem.identity.security;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What Tandem reads from a Keycloak access token beyond the standard claims.
 *
 * @param organizations the organization claim as Keycloak's membership mapper writes it with {@code addOrganizationId}:
 *     {@code {"<alias>": {"id": "<organization id>"}}}, as alias → id; Keycloak leaves the claim out when the user is
 *     not a member of the organization the login asked for
 * @param realmRoles the realm roles ({@code realm_access.roles})
 */
record TokenClaims(Map<String, String> organizations, Set<String> realmRoles) {

    static final String OPERATOR_ROLE = "platform-operator";

    static TokenClaims of(Map<String, Object> claims) {
        return new TokenClaims(organizations(claims.get("organization")), realmRoles(claims.get("realm_access")));
    }

    /** Whether the token names the organization {@code alias} with exactly this id. */
    boolean names(String alias, String organizationId) {
        return organizationId.equals(organizations.get(alias));
    }

    boolean operator() {
        return realmRoles.contains(OPERATOR_ROLE);
    }

    private static Map<String, String> organizations(Object claim) {
        if (!(claim instanceof Map<?, ?> byAlias)) {
            // Absent, or the plain list of aliases (no ids): nothing that can bind a tenant.
            return Map.of();
        }
        return byAlias.entrySet().stream()
                .filter(entry -> entry.getValue() instanceof Map<?, ?> details && details.get("id") instanceof String)
                .collect(Collectors.toUnmodifiableMap(entry -> String.valueOf(entry.getKey()), entry ->
                        (String) ((Map<?, ?>) entry.getValue()).get("id")));
    }

    private static Set<String> realmRoles(Object claim) {
        if (claim instanceof Map<?, ?> access && access.get("roles") instanceof Collection<?> roles) {
            return roles.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }
}

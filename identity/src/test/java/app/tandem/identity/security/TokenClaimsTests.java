package app.tandem.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenClaimsTests {

    @Test
    void readsTheOrganizationsByAliasWithTheirIds() {
        var claims = TokenClaims.of(
                Map.of("organization", Map.of("acme", Map.of("id", "org-1"), "globex", Map.of("id", "org-2"))));

        assertThat(claims.organizations())
                .containsExactlyInAnyOrderEntriesOf(Map.of("acme", "org-1", "globex", "org-2"));
        assertThat(claims.names("acme", "org-1")).isTrue();
    }

    @Test
    void anAliasWithAnotherIdIsNotTheTenantsOrganization() {
        var claims = TokenClaims.of(Map.of("organization", Map.of("acme", Map.of("id", "org-of-a-deleted-tenant"))));

        assertThat(claims.names("acme", "org-1")).isFalse();
    }

    @Test
    void aMissingClaimOrTheListOfAliasesWithoutIdsBindsNothing() {
        assertThat(TokenClaims.of(Map.of()).organizations()).isEmpty();
        assertThat(TokenClaims.of(Map.of("organization", List.of("acme"))).names("acme", "org-1"))
                .isFalse();
        assertThat(TokenClaims.of(Map.of("organization", Map.of("acme", Map.of())))
                        .organizations())
                .isEmpty();
    }

    @Test
    void knowsAPlatformOperatorByTheRealmRole() {
        assertThat(TokenClaims.of(Map.of("realm_access", Map.of("roles", List.of("platform-operator", "x"))))
                        .operator())
                .isTrue();
        assertThat(TokenClaims.of(Map.of("realm_access", Map.of("roles", List.of("default-roles-tandem"))))
                        .operator())
                .isFalse();
        assertThat(TokenClaims.of(Map.of()).operator()).isFalse();
    }
}

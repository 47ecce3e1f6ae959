package app.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrgRoleTests {

    @Test
    void eachRoleIncludesTheOnesBelowIt() {
        assertThat(OrgRole.ORG_ADMIN.includes(OrgRole.COORDINATOR)).isTrue();
        assertThat(OrgRole.ORG_ADMIN.includes(OrgRole.MEMBER)).isTrue();
        assertThat(OrgRole.COORDINATOR.includes(OrgRole.MEMBER)).isTrue();
        assertThat(OrgRole.COORDINATOR.includes(OrgRole.ORG_ADMIN)).isFalse();
        assertThat(OrgRole.MEMBER.includes(OrgRole.COORDINATOR)).isFalse();
        assertThat(OrgRole.MEMBER.includes(OrgRole.MEMBER)).isTrue();
    }

    @Test
    void isASpringSecurityRole() {
        assertThat(OrgRole.COORDINATOR.authority()).isEqualTo("ROLE_COORDINATOR");
    }
}

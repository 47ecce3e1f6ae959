package app.tandem.tenantadmin.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tandem.identity.OrgRole;
import org.junit.jupiter.api.Test;

class InvitationCsvTests {

    @Test
    void readsLinesWithAnOptionalHeaderQuotedFieldsAndBlankLines() {
        var lines = InvitationCsv.read(
                "email,name,role\r\ngrace@example.org,\"Hopper, Grace\",coordinator\n\nada@example.org,Ada,\n");

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .isEqualTo(new InvitationCsv.Line(2, "grace@example.org", "Hopper, Grace", "coordinator"));
        assertThat(lines.get(1)).isEqualTo(new InvitationCsv.Line(4, "ada@example.org", "Ada", ""));
    }

    @Test
    void acceptsSemicolonsAsSpreadsheetsInManyCountriesWriteThem() {
        var lines = InvitationCsv.read("grace@example.org;Grace Hopper;member");

        assertThat(lines).containsExactly(new InvitationCsv.Line(1, "grace@example.org", "Grace Hopper", "member"));
    }

    @Test
    void namesRolesTheWayPeopleWriteThem() {
        assertThat(InvitationCsv.role("")).isEqualTo(OrgRole.MEMBER);
        assertThat(InvitationCsv.role("Org admin")).isEqualTo(OrgRole.ORG_ADMIN);
        assertThat(InvitationCsv.role("org-admin")).isEqualTo(OrgRole.ORG_ADMIN);
        assertThat(InvitationCsv.role("COORDINATOR")).isEqualTo(OrgRole.COORDINATOR);
        assertThat(InvitationCsv.role("boss")).isNull();
    }

    @Test
    void refusesAnEmptyFileAndOneThatIsTooLong() {
        assertThatThrownBy(() -> InvitationCsv.read("  \n")).hasMessageContaining("empty");
        assertThatThrownBy(() -> InvitationCsv.read("email,name\n")).hasMessageContaining("no people");
        var big = new StringBuilder();
        for (int i = 0; i <= InvitationCsv.MAX_ROWS; i++) {
            big.append("p").append(i).append("@example.org,P ").append(i).append('\n');
        }
        assertThatThrownBy(() -> InvitationCsv.read(big.toString())).hasMessageContaining("at most 10000");
    }
}

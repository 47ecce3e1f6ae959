package app.tandem.tenantadmin.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tandem.identity.OrgRole;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InvitationTests {

    private final Instant sent = Instant.parse("2026-11-29T10:00:00Z");

    private Invitation invitation() {
        return new Invitation("grace@example.org", "Grace", OrgRole.MEMBER, "hash", "Ada", null, sent);
    }

    @Test
    void worksForSevenDaysThenExpires() {
        var invitation = invitation();

        assertThat(invitation.open(sent.plus(Duration.ofDays(7)).minusSeconds(1)))
                .isTrue();
        assertThat(invitation.open(sent.plus(Duration.ofDays(7)))).isFalse();
        assertThat(invitation.state(sent.plus(Duration.ofDays(8)))).isEqualTo("EXPIRED");
        assertThatThrownBy(() -> invitation.accept(sent.plus(Duration.ofDays(8))))
                .hasMessageContaining("expired");
    }

    @Test
    void resendingGivesANewLinkForAnotherSevenDays() {
        var invitation = invitation();
        var later = sent.plus(Duration.ofDays(10));

        invitation.resend("new-hash", later);

        assertThat(invitation.open(later.plus(Duration.ofDays(6)))).isTrue();
        assertThat(invitation.timesSent()).isEqualTo(2);
    }

    @Test
    void isAcceptedOnceAndNeverAfterRevocation() {
        var accepted = invitation();
        accepted.accept(sent.plusSeconds(60));
        assertThatThrownBy(() -> accepted.accept(sent.plusSeconds(61))).hasMessageContaining("accepted already");
        assertThatThrownBy(() -> accepted.revoke(sent.plusSeconds(62))).hasMessageContaining("accepted already");

        var revoked = invitation();
        revoked.revoke(sent.plusSeconds(60));
        assertThatThrownBy(() -> revoked.accept(sent.plusSeconds(61))).hasMessageContaining("withdrawn");
        assertThatThrownBy(() -> revoked.resend("x", sent.plusSeconds(61))).hasMessageContaining("revoked already");
    }

    @Test
    void linksAre256BitSecretsAndOnlyPlausibleOnesAreLookedUp() {
        var token = InvitationLinks.newToken();

        assertThat(token).hasSize(43);
        assertThat(InvitationLinks.plausible(token)).isTrue();
        assertThat(InvitationLinks.plausible("../../etc")).isFalse();
        assertThat(InvitationLinks.hash(token))
                .hasSize(64)
                .isNotEqualTo(InvitationLinks.hash(InvitationLinks.newToken()));
    }
}

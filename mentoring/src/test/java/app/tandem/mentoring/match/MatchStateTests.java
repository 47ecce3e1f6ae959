package app.tandem.mentoring.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The state rules of requests and matches, without a database. */
class MatchStateTests {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private static MentorshipRequest request() {
        return new MentorshipRequest(
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Hi", Duration.ofDays(14), NOW);
    }

    private static Match draft() {
        return Match.draft(
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 7000, "r", "ada", NOW);
    }

    @Test
    void aPendingRequestExpiresAtItsDeadlineAndCannotBeAnsweredThen() {
        var request = request();
        assertThat(request.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(14)));
        assertThat(request.state(NOW.plus(Duration.ofDays(13)))).isEqualTo("PENDING");
        var late = NOW.plus(Duration.ofDays(14));
        assertThat(request.state(late)).isEqualTo("EXPIRED");
        assertThatThrownBy(() -> request.accept(late))
                .isInstanceOf(MatchRefused.class)
                .hasMessage("This request is expired and cannot be answered any more.");
        assertThat(request.status()).isEqualTo(RequestStatus.PENDING);
    }

    @Test
    void anAnsweredRequestCannotBeAnsweredAgainButCancellingItChangesNothing() {
        var request = request();
        request.decline("Sorry", NOW);
        assertThat(request.state(NOW)).isEqualTo("DECLINED");
        assertThat(request.responseNote()).isEqualTo("Sorry");
        assertThatThrownBy(() -> request.accept(NOW))
                .hasMessage("This request is declined and cannot be answered any more.");
        assertThatThrownBy(() -> request.withdraw(NOW)).isInstanceOf(MatchRefused.class);
        request.cancel(NOW);
        assertThat(request.status()).isEqualTo(RequestStatus.DECLINED);
    }

    @Test
    void withdrawnAndCancelledRequestsAreClosed() {
        var withdrawn = request();
        withdrawn.withdraw(NOW);
        assertThat(withdrawn.open(NOW)).isFalse();
        assertThat(withdrawn.respondedAt()).isEqualTo(NOW);
        var cancelled = request();
        cancelled.cancel(NOW.plus(Duration.ofDays(30)));
        assertThat(cancelled.state(NOW.plus(Duration.ofDays(30)))).isEqualTo("CANCELLED");
    }

    @Test
    void aDraftIsPublishedOnceAndOnlyAnActiveMatchEnds() {
        var match = draft();
        assertThat(match.publishedAt()).isNull();
        assertThatThrownBy(() -> match.end(NOW)).hasMessage("This match is draft. Only an active match can end.");
        match.publish(NOW);
        assertThat(match.status()).isEqualTo(MatchStatus.ACTIVE);
        assertThat(match.publishedAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> match.publish(NOW)).hasMessage("This match is active. Only a draft can be published.");
        assertThatThrownBy(() -> match.changeMentor(UUID.randomUUID(), 1, ""))
                .hasMessage("This match is active. Only a draft can get another mentor.");
        match.end(NOW);
        assertThat(match.status()).isEqualTo(MatchStatus.ENDED);
        assertThat(match.endedAt()).isEqualTo(NOW);
    }

    @Test
    void anActiveMatchIsPublishedWhenMadeAndLongReasonsAreShortened() {
        var match = Match.active(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                MatchOrigin.MANUAL,
                null,
                5000,
                "x".repeat(1500),
                "ada",
                NOW);
        assertThat(match.publishedAt()).isEqualTo(NOW);
        assertThat(match.score()).isEqualTo(50.0);
        assertThat(match.reasons()).hasSize(Match.MAX_REASONS).endsWith("…");
    }

    @Test
    void aDraftTakesAnotherMentorWithTheNewScore() {
        var match = draft();
        var mentor = UUID.randomUUID();
        match.changeMentor(mentor, 4200, "new reasons");
        assertThat(match.mentorEnrollmentId()).isEqualTo(mentor);
        assertThat(match.scorePoints()).isEqualTo(4200);
        assertThat(match.reasons()).isEqualTo("new reasons");
    }
}

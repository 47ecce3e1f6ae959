package app.tandem.mentoring.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProgramStatusTests {

    @Test
    void aProgramGoesForwardAndBackOnlyFromEnrollingToDraft() {
        assertThat(ProgramStatus.DRAFT.next()).containsExactlyInAnyOrder(ProgramStatus.ENROLLING, ProgramStatus.CLOSED);
        assertThat(ProgramStatus.ENROLLING.next())
                .containsExactlyInAnyOrder(ProgramStatus.DRAFT, ProgramStatus.RUNNING, ProgramStatus.CLOSED);
        assertThat(ProgramStatus.RUNNING.next()).containsExactly(ProgramStatus.CLOSED);
        assertThat(ProgramStatus.CLOSED.next()).isEmpty();
    }

    @Test
    void theEntityRefusesAMoveTheStatusDoesNotAllow() {
        var now = Instant.parse("2026-12-01T10:00:00Z");
        var program = new Program(ProgramRulesTests.withName("Pilot"), "Ada", now);

        assertThatThrownBy(() -> program.moveTo(ProgramStatus.RUNNING, now))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DRAFT to RUNNING");
        program.moveTo(ProgramStatus.ENROLLING, now);
        program.moveTo(ProgramStatus.RUNNING, now);
        program.moveTo(ProgramStatus.CLOSED, now);
        assertThat(program.status()).isEqualTo(ProgramStatus.CLOSED);
        assertThatThrownBy(() -> program.moveTo(ProgramStatus.DRAFT, now)).isInstanceOf(IllegalStateException.class);
    }
}

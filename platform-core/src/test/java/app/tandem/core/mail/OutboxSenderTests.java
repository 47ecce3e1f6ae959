package app.tandem.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import app.tandem.core.CoreProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxSenderTests {

    private final OutboxSender sender = new OutboxSender(
            null,
            null,
            null,
            null,
            new CoreProperties.Mail(
                    "no-reply@tandem.example",
                    "Tandem",
                    Duration.ofSeconds(5),
                    10,
                    10,
                    Duration.ofSeconds(30),
                    Duration.ofHours(1)),
            Clock.systemUTC(),
            new SimpleMeterRegistry());

    @Test
    void waitsTheBackoffAfterTheFirstFailureAndDoublesItForEachFurtherOneUpToTheLongestWait() {
        assertThat(sender.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(sender.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(sender.backoff(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(sender.backoff(7)).isEqualTo(Duration.ofMinutes(32));
        assertThat(sender.backoff(8)).isEqualTo(Duration.ofHours(1));
        assertThat(sender.backoff(500)).isEqualTo(Duration.ofHours(1));
    }
}

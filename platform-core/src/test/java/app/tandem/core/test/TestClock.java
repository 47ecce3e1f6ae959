package app.tandem.core.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock, moved forward by as much as a test asks: so that a test reaches a deadline (a retry's backoff, an
 * expiry) without sleeping. Declare it as a {@code @Primary} bean in the test's configuration.
 */
public class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** Moves this clock forward by {@code duration}. */
    public synchronized void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    /** Back to the system's time; a test that moved the clock puts it back for the next one. */
    public synchronized void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The test clock runs in UTC");
    }
}

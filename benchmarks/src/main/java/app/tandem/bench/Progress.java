package app.tandem.bench;

import java.util.Locale;

/**
 * Progress lines on stderr, each with the seconds since the run started. Not a logger on purpose: the application
 * silences logging until Spring Boot has configured it, and stdout is kept for the final JSON line.
 */
final class Progress {

    private static final long STARTED = System.nanoTime();

    private Progress() {}

    static void say(String format, Object... args) {
        double elapsed = (System.nanoTime() - STARTED) / 1e9;
        System.err.printf(Locale.ROOT, "[bench %7.1fs] %s%n", elapsed, String.format(Locale.ROOT, format, args));
    }
}

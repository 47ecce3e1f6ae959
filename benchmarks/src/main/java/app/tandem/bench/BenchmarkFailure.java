package app.tandem.bench;

/** A benchmark cannot produce valid figures (the system under test misbehaved); its message says what went wrong. */
final class BenchmarkFailure extends RuntimeException {

    BenchmarkFailure(String message) {
        super(message);
    }

    BenchmarkFailure(String message, Throwable cause) {
        super(message, cause);
    }
}

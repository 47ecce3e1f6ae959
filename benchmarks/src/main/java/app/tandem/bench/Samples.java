package app.tandem.bench;

import java.util.List;

/** Small statistics over measured samples. */
final class Samples {

    private Samples() {}

    /** The median: robust against the odd slow sample (a GC pause, a checkpoint) that would skew a mean. */
    static double median(List<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("No samples");
        }
        var sorted = samples.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    static double millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e6;
    }

    static double secondsSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}

package io.esop.load.sla;

import java.util.Arrays;

/** Latencies in milliseconds, kept in a growable array; percentiles by nearest rank. */
final class Latencies {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long millis) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = millis;
    }

    synchronized int size() {
        return size;
    }

    /** The value at or below which {@code percent} % of the latencies fall (nearest rank); NaN when empty. */
    synchronized double percentile(double percent) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }

    double p50() {
        return percentile(50);
    }

    double p99() {
        return percentile(99);
    }

    double max() {
        return percentile(100);
    }

    @Override
    public String toString() {
        return String.format("p50 %.0f ms, p99 %.0f ms, max %.0f ms (%,d)", p50(), p99(), max(), size());
    }
}

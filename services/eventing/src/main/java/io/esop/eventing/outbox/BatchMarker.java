package io.esop.eventing.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a relay batch published, committed to Kafka in the same transaction as its records (as the
 * metadata of a consumer-group offset whose offset is the batch number): the outbox's database id
 * and the seqs as ranges, e.g. {@code 5f0c…|10-57,60,62-70}.
 */
record BatchMarker(long batch, String databaseId, SortedSet<Long> seqs) {

    /** Kafka's default limit on offset metadata is 4096 bytes. */
    static final int MAX_METADATA_BYTES = 4000;

    String metadata() {
        StringBuilder ranges = new StringBuilder();
        Long start = null;
        Long previous = null;
        for (long seq : seqs) {
            if (previous != null && seq == previous + 1) {
                previous = seq;
                continue;
            }
            appendRange(ranges, start, previous);
            start = seq;
            previous = seq;
        }
        appendRange(ranges, start, previous);
        return databaseId + "|" + ranges;
    }

    private static void appendRange(StringBuilder ranges, Long start, Long end) {
        if (start == null) {
            return;
        }
        if (!ranges.isEmpty()) {
            ranges.append(',');
        }
        ranges.append(start);
        if (!start.equals(end)) {
            ranges.append('-').append(end);
        }
    }

    static Optional<BatchMarker> parse(long batch, String metadata) {
        if (metadata == null) {
            return Optional.empty();
        }
        int bar = metadata.indexOf('|');
        if (bar < 0) {
            return Optional.empty();
        }
        SortedSet<Long> seqs = new TreeSet<>();
        String ranges = metadata.substring(bar + 1);
        try {
            for (String range : ranges.isEmpty() ? new String[0] : ranges.split(",")) {
                int dash = range.indexOf('-');
                long from = Long.parseLong(dash < 0 ? range : range.substring(0, dash));
                long to = dash < 0 ? from : Long.parseLong(range.substring(dash + 1));
                for (long seq = from; seq <= to; seq++) {
                    seqs.add(seq);
                }
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(new BatchMarker(batch, metadata.substring(0, bar), seqs));
    }

    /** The longest prefix of the batch (in seq order) whose marker fits Kafka's metadata limit. */
    static <T> List<T> fitting(List<T> batch, java.util.function.ToLongFunction<T> seqOf, String databaseId) {
        List<T> fitting = new ArrayList<>(batch);
        while (fitting.size() > 1) {
            SortedSet<Long> seqs = new TreeSet<>();
            fitting.forEach(item -> seqs.add(seqOf.applyAsLong(item)));
            if (new BatchMarker(0, databaseId, seqs).metadata().length() <= MAX_METADATA_BYTES) {
                break;
            }
            fitting = fitting.subList(0, fitting.size() / 2);
        }
        return fitting;
    }
}

package io.esop.eventing.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class BatchMarkerTest {

    private static final String DB = "5f0c2d8e-1c7a-4c1e-9a57-3f1d2b7e9a10";

    @Test
    void seqsAreWrittenAsRangesAndReadBackExactly() {
        TreeSet<Long> seqs = new TreeSet<>(List.of(10L, 11L, 12L, 15L, 17L, 18L));
        BatchMarker marker = new BatchMarker(42, DB, seqs);

        assertThat(marker.metadata()).isEqualTo(DB + "|10-12,15,17-18");
        assertThat(BatchMarker.parse(42, marker.metadata())).contains(marker);
    }

    @Test
    void foreignOrBrokenMetadataIsNoMarker() {
        assertThat(BatchMarker.parse(1, null)).isEmpty();
        assertThat(BatchMarker.parse(1, "")).isEmpty();
        assertThat(BatchMarker.parse(1, DB + "|10-x")).isEmpty();
    }

    @Test
    void aBatchIsCutToWhatItsMarkerCanDescribe() {
        // every other seq: no ranges, so thousands of seqs do not fit in Kafka's 4 kB of metadata
        List<Long> scattered = LongStream.range(0, 3000).map(n -> 1_000_000 + 2 * n).boxed().toList();

        List<Long> fitting = BatchMarker.fitting(scattered, Long::longValue, DB);

        assertThat(fitting).isNotEmpty().isEqualTo(scattered.subList(0, fitting.size()));
        assertThat(new BatchMarker(1, DB, new TreeSet<>(fitting)).metadata().length())
                .isLessThanOrEqualTo(BatchMarker.MAX_METADATA_BYTES);
        List<Long> contiguous = LongStream.range(0, 3000).boxed().toList();
        assertThat(BatchMarker.fitting(contiguous, Long::longValue, DB)).hasSize(3000);
    }
}

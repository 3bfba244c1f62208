package io.esop.load.sla;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRank() {
        Latencies latencies = new Latencies();
        for (int i = 100; i >= 1; i--) {
            latencies.add(i);
        }
        latencies.add(5000); // one outlier among 101
        assertThat(latencies.size()).isEqualTo(101);
        assertThat(latencies.p50()).isEqualTo(51);
        assertThat(latencies.p99()).isEqualTo(100);
        assertThat(latencies.max()).isEqualTo(5000);
    }

    @Test
    void manyValuesAndNoValues() {
        assertThat(new Latencies().p99()).isNaN();
        Latencies latencies = new Latencies();
        for (int i = 0; i < 10_000; i++) {
            latencies.add(i % 1000);
        }
        assertThat(latencies.p99()).isEqualTo(989);
    }
}

package io.esop.simulator.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import io.esop.contracts.signal.Intent;
import io.esop.contracts.signal.Signal;
import io.esop.contracts.signal.SignalSource;

class BassSignalFeedTest {

    private final BassSignalFeed feed = new BassSignalFeed(null, new SignalConfig() {
        @Override public boolean enabled() { return true; }
        @Override public Duration interval() { return Duration.ofSeconds(1); }
        @Override public List<String> customers() { return List.of("cust-acme", "cust-other"); }
    });

    @Test
    void signalsRotateThroughCustomersSourcesAndProductLinesWithFittingIntents() {
        Instant now = Instant.parse("2026-12-04T08:00:00Z");
        List<Signal> signals = LongStream.range(0, 42).mapToObj(n -> feed.next(n, now)).toList();

        assertThat(signals).extracting(Signal::customerId).containsOnly("cust-acme", "cust-other");
        assertThat(signals).extracting(Signal::source).containsOnly(
                SignalSource.BASS_USAGE_SURGE, SignalSource.BASS_CHURN_RISK, SignalSource.CONTRACT_EXPIRY);
        assertThat(signals.stream().map(Signal::productLine).distinct().count())
                .isEqualTo(io.esop.contracts.ProductLine.values().length);
        assertThat(signals).filteredOn(s -> s.source() == SignalSource.BASS_CHURN_RISK)
                .extracting(Signal::intent).containsOnly(Intent.RETAIN);
        assertThat(signals).filteredOn(s -> s.source() == SignalSource.CONTRACT_EXPIRY)
                .extracting(Signal::intent).containsOnly(Intent.RENEW);
        assertThat(signals).allSatisfy(s -> {
            assertThat(s.strength()).isBetween(0.0, 1.0);
            assertThat(s.estimatedMonthlyValue()).isPositive();
            assertThat(s.signalId()).isNotBlank();
        });
        assertThat(signals).extracting(Signal::signalId).doesNotHaveDuplicates();
    }
}

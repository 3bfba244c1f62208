package io.esop.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.esop.contracts.ProductLine;
import io.esop.contracts.ValueTier;
import io.esop.contracts.sla.BusinessCalendar;
import io.esop.contracts.sla.ClockType;
import io.esop.contracts.sla.SlaSubjectType;
import io.esop.sla.support.Events;

class ClockStatusTest {

    static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

    @Test
    void transitions() {
        assertThat(ClockStatus.RUNNING.next()).containsExactlyInAnyOrder(ClockStatus.PAUSED, ClockStatus.STOPPED,
                ClockStatus.CANCELLED);
        assertThat(ClockStatus.PAUSED.next()).containsExactlyInAnyOrder(ClockStatus.RUNNING, ClockStatus.STOPPED,
                ClockStatus.CANCELLED);
        assertThat(ClockStatus.STOPPED.next()).isEmpty();
        assertThat(ClockStatus.CANCELLED.next()).isEmpty();
        assertThat(ClockStatus.STOPPED.isFinal()).isTrue();
        assertThat(ClockStatus.RUNNING.canMoveTo(ClockStatus.RUNNING)).isFalse();
    }

    static final ClockTerms TERMS = ClockTerms.of(Events.policy("p", ValueTier.KEY, ProductLine.CLOUD,
            ClockType.ORDER_TOTAL, Duration.ofMinutes(10), Duration.ofMinutes(5), BusinessCalendar.always()));

    static ClockState clock() {
        return ClockState.start("c", ClockType.ORDER_TOTAL, SlaSubjectType.ORDER, "o", null, null, "cm-zhang",
                "sh-enterprise", ValueTier.KEY, ProductLine.CLOUD, TERMS.policy(), T0, false);
    }

    @Test
    void pausingKeepsTheSpentTimeAndResumingCountsOn() {
        ClockState paused = clock().withStatus(TERMS, ClockStatus.PAUSED, T0.plusSeconds(120));
        assertThat(paused.spentAt(TERMS, T0.plusSeconds(900))).isEqualTo(Duration.ofSeconds(120));
        ClockState resumed = paused.withStatus(TERMS, ClockStatus.RUNNING, T0.plusSeconds(900));
        assertThat(resumed.spentAt(TERMS, T0.plusSeconds(960))).isEqualTo(Duration.ofSeconds(180));
        assertThat(resumed.targetDueAt(TERMS, T0.plusSeconds(960))).isEqualTo(T0.plusSeconds(900 + 480));
        assertThatThrownBy(() -> resumed.withStatus(TERMS, ClockStatus.RUNNING, T0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void thresholdsComeInFiringOrderAndEachOnce() {
        ClockState c = clock();
        assertThat(TERMS.thresholds()).extracting(Threshold::slot)
                .containsExactly("WARNING:0", "BREACHED:0", "ESCALATED:1", "ESCALATED:2");
        assertThat(TERMS.thresholds()).extracting(Threshold::offset).containsExactly(Duration.ofMinutes(5),
                Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(20));
        ClockState warned = c.withEmitted(c.nextThreshold(TERMS).orElseThrow());
        assertThat(warned.nextThreshold(TERMS).orElseThrow().slot()).isEqualTo("BREACHED:0");
        assertThat(warned.withStatus(TERMS, ClockStatus.STOPPED, T0).nextThreshold(TERMS)).isEmpty();
    }
}

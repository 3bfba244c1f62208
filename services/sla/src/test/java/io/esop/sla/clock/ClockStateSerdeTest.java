package io.esop.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import io.esop.contracts.order.Milestone;
import io.esop.contracts.sla.AlertKind;
import io.esop.contracts.sla.ClockType;
import io.esop.contracts.sla.SlaSubjectType;
import io.esop.sla.clock.messaging.ClockStateSerde;

class ClockStateSerdeTest {

    final ClockStateSerde serde = new ClockStateSerde();

    @Test
    void aClockReadsBackAsItWasWritten() {
        ClockState running = ClockStatusTest.clock();
        ClockState paused = running.withEmitted(new Threshold(AlertKind.WARNING, 0, Duration.ofMinutes(5), null))
                .withStatus(ClockStatusTest.TERMS, ClockStatus.PAUSED, ClockStatusTest.T0.plusNanos(123_456_789))
                .withIndexKey("0001764554700000|c");
        ClockState milestone = new ClockState("ORDER:o:MILESTONE:SITE_SURVEY", ClockType.ORDER_MILESTONE,
                SlaSubjectType.ORDER, "o", Milestone.SITE_SURVEY, null, "cm-wu", null, running.valueTier(),
                running.productLine(), "p", 3, ClockStatusTest.T0, ClockStatus.STOPPED, Duration.ofSeconds(61, 5),
                null, ClockStatusTest.T0.plusSeconds(61), java.util.Set.of("MET:0"), null);
        for (ClockState clock : java.util.List.of(running, paused, milestone)) {
            assertThat(serde.deserialize("t", serde.serialize("t", clock))).isEqualTo(clock);
        }
        assertThat(serde.serialize("t", running).length).isLessThan(200);
    }

    @Test
    void anUnknownFormatIsRefused() {
        assertThatThrownBy(() -> serde.deserialize("t", "{\"clockId\":\"c\"}".getBytes()))
                .isInstanceOf(SerializationException.class);
    }
}

package io.esop.simulator.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.esop.contracts.order.Milestone;
import io.esop.contracts.order.OrderProgressEvent;
import io.esop.contracts.order.ProgressKind;

class FulfilmentPlanTest {

    private static final Instant SUBMITTED = Instant.parse("2026-12-04T02:00:00Z");

    @Test
    void everyMilestoneStartsThenCompletesInSequenceOrder() {
        List<OrderProgressEvent> reports = distinctBySequence(plan(config(0.0, 0.0, 0, 0), 1));

        assertThat(reports).extracting(OrderProgressEvent::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 14).boxed().toList());
        for (Milestone milestone : Milestone.values()) {
            assertThat(reports).filteredOn(r -> r.milestone() == milestone).extracting(OrderProgressEvent::kind)
                    .containsExactly(ProgressKind.MILESTONE_STARTED, ProgressKind.MILESTONE_COMPLETED);
        }
        assertThat(reports.get(reports.size() - 1).milestone()).isEqualTo(Milestone.BILLING_START);
        assertThat(reports).allSatisfy(r -> assertThat(r.orderId()).isEqualTo("order-1"));
    }

    @Test
    void withoutJitterOrDuplicatesReportsArriveInSequenceOnce() {
        List<FulfilmentPlan.Delivery> plan = plan(config(0.0, 0.0, 0, 0), 7);

        assertThat(plan).extracting(d -> d.event().sequence()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aHeldOrderIsResumedRightAfterAndBeforeTheLastMilestone() {
        List<OrderProgressEvent> reports = distinctBySequence(plan(config(0.0, 1.0, 0, 3), 3));

        int held = indexOf(reports, ProgressKind.HELD);
        assertThat(held).isPositive();
        assertThat(reports.get(held + 1).kind()).isEqualTo(ProgressKind.RESUMED);
        assertThat(reports.get(held).milestone()).isNull();
        assertThat(reports.get(reports.size() - 1).kind()).isEqualTo(ProgressKind.MILESTONE_COMPLETED);
        Duration pause = Duration.between(reports.get(held).occurredAt(), reports.get(held + 1).occurredAt());
        assertThat(pause).isEqualTo(Duration.ofSeconds(4)); // 3 steps held, then the resume step
    }

    @Test
    void untidyDeliveryDuplicatesWithTheSameEventIdAndReorders() {
        List<FulfilmentPlan.Delivery> plan = plan(config(0.5, 0.3, 3000, 1), 11);

        long distinctIds = plan.stream().map(d -> d.event().eventId()).distinct().count();
        assertThat(plan.size()).isGreaterThan((int) distinctIds);
        Set<Long> sequences = plan.stream().map(d -> d.event().sequence()).collect(Collectors.toSet());
        assertThat(sequences).hasSize((int) distinctIds);
        assertThat(plan).extracting(d -> d.event().sequence()).isNotEqualTo(
                plan.stream().map(d -> d.event().sequence()).sorted().toList());
        assertThat(plan).extracting(FulfilmentPlan.Delivery::after).isSorted();
    }

    private static List<FulfilmentPlan.Delivery> plan(FulfilmentConfig config, long seed) {
        return FulfilmentPlan.of("order-1", SUBMITTED, config, new Random(seed));
    }

    private static List<OrderProgressEvent> distinctBySequence(List<FulfilmentPlan.Delivery> plan) {
        return plan.stream().map(FulfilmentPlan.Delivery::event)
                .collect(Collectors.toMap(OrderProgressEvent::sequence, e -> e, (a, b) -> a)).values().stream()
                .sorted(Comparator.comparingLong(OrderProgressEvent::sequence)).toList();
    }

    private static int indexOf(List<OrderProgressEvent> reports, ProgressKind kind) {
        for (int i = 0; i < reports.size(); i++) {
            if (reports.get(i).kind() == kind) {
                return i;
            }
        }
        return -1;
    }

    private static FulfilmentConfig config(double duplicates, double holds, long reorderMillis, int holdSteps) {
        return new FulfilmentConfig() {
            @Override public boolean enabled() { return true; }
            @Override public Duration step() { return Duration.ofSeconds(1); }
            @Override public Duration reorderWindow() { return Duration.ofMillis(reorderMillis); }
            @Override public double duplicateProbability() { return duplicates; }
            @Override public double holdProbability() { return holds; }
            @Override public int holdSteps() { return holdSteps; }
            @Override public Duration maxAge() { return Duration.ofMinutes(10); }
            @Override public Optional<Long> seed() { return Optional.empty(); }
        };
    }
}

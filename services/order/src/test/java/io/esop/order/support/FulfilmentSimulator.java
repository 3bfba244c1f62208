package io.esop.order.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.esop.contracts.EventTypes;
import io.esop.contracts.order.Milestone;
import io.esop.contracts.order.OrderProgressEvent;
import io.esop.contracts.order.ProgressKind;

/**
 * Plays the operator's fulfilment systems for one order: every milestone started and completed, with an
 * optional hold (site not ready) and a failed construction attempt, and the disorder real systems produce:
 * resends (same eventId), late and reordered reports. Written so that {@code tools/simulator} can take it over.
 */
public final class FulfilmentSimulator {

    private static final String SYSTEM = "OSS-PROVISIONING";

    private FulfilmentSimulator() {
    }

    /** The reports of a complete fulfilment, sequence 1…n, an hour apart from {@code start}. */
    public static List<OrderProgressEvent> plan(String orderId, Instant start, boolean disturbances) {
        List<OrderProgressEvent> events = new ArrayList<>();
        for (Milestone m : Milestone.values()) {
            add(events, orderId, start, m, ProgressKind.MILESTONE_STARTED, null);
            if (disturbances && m == Milestone.SITE_SURVEY) {
                add(events, orderId, start, null, ProgressKind.HELD, "customer site not ready");
                add(events, orderId, start, null, ProgressKind.RESUMED, "site ready");
            }
            if (disturbances && m == Milestone.CONSTRUCTION) {
                add(events, orderId, start, m, ProgressKind.MILESTONE_FAILED, "duct blocked");
                add(events, orderId, start, m, ProgressKind.MILESTONE_STARTED, "second attempt");
            }
            add(events, orderId, start, m, ProgressKind.MILESTONE_COMPLETED, null);
        }
        return events;
    }

    private static void add(List<OrderProgressEvent> events, String orderId, Instant start, Milestone milestone,
            ProgressKind kind, String detail) {
        long sequence = events.size() + 1;
        events.add(new OrderProgressEvent(UUID.randomUUID().toString(), orderId, sequence, milestone, kind,
                start.plus(Duration.ofHours(sequence)), SYSTEM, detail));
    }

    /** The reports shuffled, with about {@code duplicateRate} of them sent twice (same eventId). */
    public static List<OrderProgressEvent> disorder(List<OrderProgressEvent> plan, Random random, double duplicateRate) {
        List<OrderProgressEvent> out = new ArrayList<>(plan);
        for (OrderProgressEvent e : plan) {
            if (random.nextDouble() < duplicateRate) {
                out.add(e);
            }
        }
        Collections.shuffle(out, random);
        return out;
    }

    /** Produces the reports to esop.order-progress.v1, keyed by order, each with a fresh ce_id. */
    public static void send(Kafka kafka, List<OrderProgressEvent> events) {
        for (OrderProgressEvent e : events) {
            kafka.send(EventTypes.ORDER_PROGRESS_REPORTED, e);
        }
        kafka.flush();
    }
}

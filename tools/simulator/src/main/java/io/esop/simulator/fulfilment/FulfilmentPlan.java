package io.esop.simulator.fulfilment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.esop.contracts.order.Milestone;
import io.esop.contracts.order.OrderProgressEvent;
import io.esop.contracts.order.ProgressKind;

/**
 * The reports a fulfilment system makes for one order, in the order they happen (sequence 1, 2, …),
 * and when each is delivered: late by a random delay within the reorder window (so reports
 * overtake each other), some twice (same event id), with at most one hold and resume.
 */
public final class FulfilmentPlan {

    static final String SYSTEM = "OSS-SIMULATOR";

    /** A report and its delivery time, relative to when the order was submitted. */
    public record Delivery(Duration after, OrderProgressEvent event) {
    }

    private FulfilmentPlan() {
    }

    public static List<Delivery> of(String orderId, Instant submittedAt, FulfilmentConfig config, Random random) {
        List<OrderProgressEvent> reports = new ArrayList<>();
        int holdAfter = random.nextDouble() < config.holdProbability() ? random.nextInt(Milestone.values().length - 1) : -1;
        long step = 0;
        for (Milestone milestone : Milestone.values()) {
            reports.add(report(orderId, reports.size() + 1, milestone, ProgressKind.MILESTONE_STARTED,
                    submittedAt.plus(config.step().multipliedBy(++step))));
            reports.add(report(orderId, reports.size() + 1, milestone, ProgressKind.MILESTONE_COMPLETED,
                    submittedAt.plus(config.step().multipliedBy(++step))));
            if (milestone.ordinal() == holdAfter) {
                reports.add(report(orderId, reports.size() + 1, null, ProgressKind.HELD,
                        submittedAt.plus(config.step().multipliedBy(++step))));
                step += Math.max(1, config.holdSteps());
                reports.add(report(orderId, reports.size() + 1, null, ProgressKind.RESUMED,
                        submittedAt.plus(config.step().multipliedBy(++step))));
            }
        }
        List<Delivery> deliveries = new ArrayList<>();
        for (OrderProgressEvent report : reports) {
            Duration happened = Duration.between(submittedAt, report.occurredAt());
            deliveries.add(new Delivery(happened.plus(jitter(config, random)), report));
            if (random.nextDouble() < config.duplicateProbability()) {
                deliveries.add(new Delivery(happened.plus(jitter(config, random)).plus(config.step()), report));
            }
        }
        deliveries.sort(Comparator.comparing(Delivery::after));
        return deliveries;
    }

    private static Duration jitter(FulfilmentConfig config, Random random) {
        long window = config.reorderWindow().toMillis();
        return Duration.ofMillis(window <= 0 ? 0 : (long) (random.nextDouble() * window));
    }

    private static OrderProgressEvent report(String orderId, long sequence, Milestone milestone, ProgressKind kind,
            Instant at) {
        String detail = switch (kind) {
            case HELD -> "waiting for the customer: site access";
            case RESUMED -> "site access granted";
            default -> null;
        };
        return new OrderProgressEvent(UUID.randomUUID().toString(), orderId, sequence, milestone, kind, at, SYSTEM, detail);
    }
}

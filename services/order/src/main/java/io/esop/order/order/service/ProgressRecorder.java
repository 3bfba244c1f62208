package io.esop.order.order.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.esop.contracts.EventTypes;
import io.esop.contracts.order.Milestone;
import io.esop.contracts.order.OrderCompleted;
import io.esop.contracts.order.OrderMilestoneReached;
import io.esop.contracts.order.OrderProgressEvent;
import io.esop.contracts.order.OrderState;
import io.esop.contracts.order.OrderStateChanged;
import io.esop.contracts.order.ProgressKind;
import io.esop.eventing.outbox.Outbox;
import io.esop.order.common.service.TraceNumbers;
import io.esop.order.order.CustomerOrder;
import io.esop.order.order.OrderLifecycle;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Applies one fulfilment report to its order, inside the consumer's transaction:
 * <ul>
 *   <li>the report joins the timeline at its sequence; a sequence already there changes nothing (a resend);</li>
 *   <li>only a report above the highest sequence applied so far moves the state, so a late report never moves
 *       it back, and the final state depends only on the set of reports, not on their arrival order;</li>
 *   <li>each new timeline entry is published as {@code OrderMilestoneReached}, each state change as
 *       {@code OrderStateChanged}, completion as {@code OrderCompleted}.</li>
 * </ul>
 */
@ApplicationScoped
public class ProgressRecorder {

    /** What became of a report. */
    public enum Outcome {
        APPLIED,
        LATE,
        DUPLICATE,
        UNKNOWN_ORDER
    }

    private static final String INSERT = """
            insert into order_progress (order_id, sequence, event_id, milestone, kind, system, detail, occurred_at)
            values (:orderId, :sequence, :eventId, :milestone, :kind, :system, :detail,
                    cast(cast(:occurredAt as text) as timestamptz))
            on conflict do nothing""";

    private final Outbox outbox;

    public ProgressRecorder(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Outcome> record(OrderProgressEvent e) {
        return CustomerOrder.<CustomerOrder>findById(e.orderId()).chain(order -> {
            if (order == null) {
                return Uni.createFrom().item(Outcome.UNKNOWN_ORDER);
            }
            return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                    .setParameter("orderId", e.orderId())
                    .setParameter("sequence", e.sequence())
                    .setParameter("eventId", e.eventId())
                    .setParameter("milestone", e.milestone() == null ? null : e.milestone().name())
                    .setParameter("kind", e.kind().name())
                    .setParameter("system", e.system())
                    .setParameter("detail", e.detail())
                    .setParameter("occurredAt", e.occurredAt().toString())
                    .executeUpdate())
                    .chain(inserted -> inserted == 0 ? Uni.createFrom().item(Outcome.DUPLICATE) : apply(order, e));
        });
    }

    private Uni<Outcome> apply(CustomerOrder order, OrderProgressEvent e) {
        Instant now = Instant.now();
        order.updatedAt = now;
        OrderMilestoneReached reached = new OrderMilestoneReached(order.orderId, order.nextSequence(), e.milestone(),
                e.kind(), order.customerId, order.productLine, order.valueTier, order.ownerId, e.system(),
                e.eventId(), e.detail(), e.occurredAt());
        Uni<?> published = outbox.append(EventTypes.ORDER_MILESTONE_REACHED, reached);
        if (e.sequence() <= order.lastAppliedSequence || order.state.isFinal()) {
            Log.debugf("Order %s: report %d is late (applied up to %d), timeline only", order.orderId, e.sequence(),
                    order.lastAppliedSequence);
            return published.replaceWith(Outcome.LATE);
        }
        order.lastAppliedSequence = e.sequence();
        OrderState target = OrderLifecycle.targetOf(e.kind(), e.milestone());
        List<OrderState> path = OrderLifecycle.path(order.state, target);
        if (path == null) {
            Log.warnf("Order %s: report %d asks for %s, not reachable from %s; timeline only", order.orderId,
                    e.sequence(), target, order.state);
            return published.replaceWith(Outcome.APPLIED);
        }
        String reason = reason(e);
        return published.chain(() -> Multi.createFrom().iterable(path)
                .onItem().transformToUniAndConcatenate(next -> changeState(order, next, reason, e))
                .collect().last())
                .replaceWith(Outcome.APPLIED);
    }

    private Uni<?> changeState(CustomerOrder order, OrderState next, String reason, OrderProgressEvent e) {
        OrderState from = order.state;
        order.state = next;
        order.stateReason = reason;
        OrderStateChanged changed = new OrderStateChanged(order.orderId, order.nextSequence(), from, next, reason,
                order.customerId, order.productLine, order.valueTier, order.ownerId, e.occurredAt());
        Uni<?> published = outbox.append(EventTypes.ORDER_STATE_CHANGED, changed);
        if (next != OrderState.COMPLETED) {
            return published;
        }
        order.completedAt = e.occurredAt();
        order.billingStartDate = e.milestone() == Milestone.BILLING_START
                ? LocalDate.ofInstant(e.occurredAt(), TraceNumbers.ZONE) : null;
        OrderCompleted completed = new OrderCompleted(order.orderId, order.nextSequence(), order.customerId,
                order.productLine, order.valueTier, order.ownerId, order.monthlyValue, order.billingStartDate,
                e.occurredAt());
        return published.chain(() -> outbox.append(EventTypes.ORDER_COMPLETED, completed));
    }

    private static String reason(OrderProgressEvent e) {
        String what = e.kind() == ProgressKind.HELD || e.kind() == ProgressKind.RESUMED ? e.kind().name()
                : e.milestone() + " " + e.kind().name().replace("MILESTONE_", "").toLowerCase();
        return e.detail() == null ? what : what + ": " + e.detail();
    }
}

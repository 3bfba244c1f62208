package io.esop.order.order.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.EventTypes;
import io.esop.contracts.order.Milestone;
import io.esop.contracts.order.OrderCompleted;
import io.esop.contracts.order.OrderMilestoneReached;
import io.esop.contracts.order.OrderProgressEvent;
import io.esop.contracts.order.OrderState;
import io.esop.contracts.order.OrderStateChanged;
import io.esop.contracts.order.ProgressKind;
import io.esop.eventing.outbox.Outbox;
import io.esop.eventing.outbox.OutboxEntry;
import io.esop.order.common.service.TraceNumbers;
import io.esop.order.order.CustomerOrder;
import io.esop.order.order.OrderLifecycle;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.unchecked.Unchecked;

/**
 * Applies a polled batch of fulfilment reports to their orders, inside the consumer's transaction, in a fixed number
 * of statements whatever the batch's size (its orders read in one, its timeline rows written in one, its events in
 * one; the orders it changed are written at the commit):
 * <ul>
 *   <li>each report joins its order's timeline at its sequence; a sequence already there changes nothing (a resend),
 *       nor does a second report of the same sequence in the batch;</li>
 *   <li>only a report above the highest sequence applied so far moves the state, so a late report never moves
 *       it back, and the final state depends only on the set of reports, not on their arrival order; reports of
 *       one order apply in batch order;</li>
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

    /** The batch's timeline rows as one JSON array, in batch order; answers the (order, sequence) pairs it added. */
    private static final String INSERT_ALL = """
            insert into order_progress (order_id, sequence, event_id, milestone, kind, system, detail, occurred_at)
            select r.order_id, r.sequence, r.event_id, r.milestone, r.kind, r.system, r.detail,
                   cast(r.occurred_at as timestamptz)
            from rows from (jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                     as (order_id text, sequence bigint, event_id text, milestone text, kind text, system text,
                         detail text, occurred_at text)) with ordinality
                 as r(order_id, sequence, event_id, milestone, kind, system, detail, occurred_at, n)
            order by r.n
            on conflict do nothing
            returning order_id || ' ' || sequence""";

    private final Outbox outbox;
    private final ObjectMapper objectMapper;

    public ProgressRecorder(Outbox outbox, ObjectMapper objectMapper) {
        this.outbox = outbox;
        this.objectMapper = objectMapper;
    }

    /** The outcome of each report, in the order given. */
    public Uni<List<Outcome>> recordAll(List<OrderProgressEvent> reports) {
        if (reports.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> orderIds = reports.stream().map(OrderProgressEvent::orderId).distinct().toList();
        return CustomerOrder.<CustomerOrder>list("orderId in ?1", orderIds).chain(found -> {
            Map<String, CustomerOrder> orders = new HashMap<>();
            found.forEach(order -> orders.put(order.orderId, order));
            List<OrderProgressEvent> known = reports.stream().filter(e -> orders.containsKey(e.orderId())).toList();
            return insertTimeline(known).chain(added -> {
                List<Outcome> outcomes = new ArrayList<>(reports.size());
                List<OutboxEntry> events = new ArrayList<>();
                for (OrderProgressEvent e : reports) {
                    CustomerOrder order = orders.get(e.orderId());
                    if (order == null) {
                        outcomes.add(Outcome.UNKNOWN_ORDER);
                    } else if (!added.remove(e.orderId() + " " + e.sequence())) {
                        outcomes.add(Outcome.DUPLICATE);
                    } else {
                        outcomes.add(apply(order, e, events));
                    }
                }
                return outbox.appendAll(events).replaceWith(outcomes);
            });
        });
    }

    private Uni<Set<String>> insertTimeline(List<OrderProgressEvent> reports) {
        if (reports.isEmpty()) {
            return Uni.createFrom().item(new HashSet<>());
        }
        List<Map<String, Object>> rows = new ArrayList<>(reports.size());
        for (OrderProgressEvent e : reports) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("order_id", e.orderId());
            row.put("sequence", e.sequence());
            row.put("event_id", e.eventId());
            row.put("milestone", e.milestone() == null ? null : e.milestone().name());
            row.put("kind", e.kind().name());
            row.put("system", e.system());
            row.put("detail", e.detail());
            row.put("occurred_at", e.occurredAt().toString());
            rows.add(row);
        }
        return Uni.createFrom().item(Unchecked.supplier(() -> objectMapper.writeValueAsString(rows)))
                .chain(json -> Panache.getSession().chain(session -> session
                        .createNativeQuery(INSERT_ALL, String.class).setParameter("rows", json).getResultList()))
                .map(HashSet::new);
    }

    /** Applies a report whose timeline row is new; the events it causes join {@code events}. */
    private Outcome apply(CustomerOrder order, OrderProgressEvent e, List<OutboxEntry> events) {
        order.updatedAt = Instant.now();
        events.add(outbox.entry(EventTypes.ORDER_MILESTONE_REACHED, new OrderMilestoneReached(order.orderId,
                order.nextSequence(), e.milestone(), e.kind(), order.customerId, order.productLine, order.valueTier,
                order.ownerId, e.system(), e.eventId(), e.detail(), e.occurredAt())));
        if (e.sequence() <= order.lastAppliedSequence || order.state.isFinal()) {
            Log.debugf("Order %s: report %d is late (applied up to %d), timeline only", order.orderId, e.sequence(),
                    order.lastAppliedSequence);
            return Outcome.LATE;
        }
        order.lastAppliedSequence = e.sequence();
        OrderState target = OrderLifecycle.targetOf(e.kind(), e.milestone());
        List<OrderState> path = OrderLifecycle.path(order.state, target);
        if (path == null) {
            Log.warnf("Order %s: report %d asks for %s, not reachable from %s; timeline only", order.orderId,
                    e.sequence(), target, order.state);
            return Outcome.APPLIED;
        }
        String reason = reason(e);
        path.forEach(next -> changeState(order, next, reason, e, events));
        return Outcome.APPLIED;
    }

    private void changeState(CustomerOrder order, OrderState next, String reason, OrderProgressEvent e,
            List<OutboxEntry> events) {
        OrderState from = order.state;
        order.state = next;
        order.stateReason = reason;
        events.add(outbox.entry(EventTypes.ORDER_STATE_CHANGED, new OrderStateChanged(order.orderId,
                order.nextSequence(), from, next, reason, order.customerId, order.productLine, order.valueTier,
                order.ownerId, e.occurredAt())));
        if (next != OrderState.COMPLETED) {
            return;
        }
        order.completedAt = e.occurredAt();
        order.billingStartDate = e.milestone() == Milestone.BILLING_START
                ? LocalDate.ofInstant(e.occurredAt(), TraceNumbers.ZONE) : null;
        events.add(outbox.entry(EventTypes.ORDER_COMPLETED, new OrderCompleted(order.orderId, order.nextSequence(),
                order.customerId, order.productLine, order.valueTier, order.ownerId, order.monthlyValue,
                order.billingStartDate, e.occurredAt())));
    }

    private static String reason(OrderProgressEvent e) {
        String what = e.kind() == ProgressKind.HELD || e.kind() == ProgressKind.RESUMED ? e.kind().name()
                : e.milestone() + " " + e.kind().name().replace("MILESTONE_", "").toLowerCase();
        return e.detail() == null ? what : what + ": " + e.detail();
    }
}

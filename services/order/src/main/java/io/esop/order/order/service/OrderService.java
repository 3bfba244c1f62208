package io.esop.order.order.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.esop.contracts.EventTypes;
import io.esop.contracts.order.OrderState;
import io.esop.contracts.order.OrderSubmitted;
import io.esop.eventing.outbox.Outbox;
import io.esop.order.agreement.Agreement;
import io.esop.order.application.Application;
import io.esop.web.Cursor;
import io.esop.order.common.DataScope;
import io.esop.web.NotFound;
import io.esop.web.Page;
import io.esop.order.common.service.TraceNumbers;
import io.esop.order.order.CustomerOrder;
import io.esop.order.order.OrderProgress;
import io.esop.order.order.rest.OrderView;
import io.esop.order.order.rest.TimelineEntry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Orders: created by signing, read in scope (enterprise customers: their own company's) with their timeline. */
@ApplicationScoped
public class OrderService {

    private final Outbox outbox;

    public OrderService(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Creates the order of a signed agreement and announces it (inside the caller's transaction). */
    public Uni<CustomerOrder> create(Application a, Agreement g, String signer) {
        Instant now = Instant.now();
        CustomerOrder o = new CustomerOrder();
        o.orderId = TraceNumbers.ORDER + TraceNumbers.traceOf(a.applicationNo);
        o.applicationNo = a.applicationNo;
        o.agreementNo = g.agreementNo;
        o.opportunityId = a.opportunityId;
        o.customerId = a.customerId;
        o.ownerId = a.ownerId;
        o.accountManagerId = a.accountManagerId;
        o.teamId = a.teamId;
        o.productLine = a.productLine;
        o.valueTier = a.valueTier;
        o.monthlyValue = a.monthlyValue;
        o.state = OrderState.ACKNOWLEDGED;
        o.submittedBy = signer;
        o.requestedCompletionDate = a.requestedCompletionDate;
        o.createdAt = now;
        o.updatedAt = now;
        OrderSubmitted submitted = new OrderSubmitted(o.orderId, o.nextSequence(), a.applicationNo, g.agreementNo,
                a.opportunityId, a.customerId, a.productLine, a.valueTier, a.ownerId, a.teamId, a.monthlyValue,
                o.state, a.requestedCompletionDate, signer, now);
        return o.<CustomerOrder>persist().call(() -> outbox.append(EventTypes.ORDER_SUBMITTED, submitted));
    }

    @WithSession
    public Uni<OrderView> get(String orderId, DataScope scope) {
        return load(orderId, scope).chain(o -> timeline(o.orderId).map(t -> view(o, t)));
    }

    @WithSession
    public Uni<List<TimelineEntry>> timeline(String orderId, DataScope scope) {
        return load(orderId, scope).chain(o -> timeline(o.orderId));
    }

    @WithSession
    public Uni<Page<OrderView>> list(OrderState state, String customerId, String cursor, int limit, DataScope scope) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(scope.condition("o", params, true));
        if (state != null) {
            where.append(" and o.state = :state");
            params.put("state", state);
        }
        if (customerId != null) {
            where.append(" and o.customerId = :customerId");
            params.put("customerId", customerId);
        }
        String after = Cursor.decode(cursor);
        if (after != null) {
            where.append(" and o.orderId < :after");
            params.put("after", after);
        }
        return CustomerOrder.<CustomerOrder>find("from CustomerOrder o where " + where + " order by o.orderId desc",
                params).page(0, limit + 1).list()
                .map(rows -> Page.of(rows, limit, o -> o.orderId, o -> view(o, null)));
    }

    public Uni<CustomerOrder> load(String orderId, DataScope scope) {
        return CustomerOrder.<CustomerOrder>findById(orderId).map(o -> {
            if (o == null || !scope.sees(o, true)) {
                throw new NotFound("order", orderId);
            }
            return o;
        });
    }

    public Uni<List<TimelineEntry>> timeline(String orderId) {
        return OrderProgress.<OrderProgress>find("orderId = ?1 order by sequence", orderId).list()
                .map(rows -> rows.stream().map(p -> new TimelineEntry(p.sequence, p.milestone, p.kind, p.system,
                        p.detail, p.occurredAt, p.receivedAt, p.eventId)).toList());
    }

    public static OrderView view(CustomerOrder o, List<TimelineEntry> timeline) {
        return new OrderView(o.orderId, o.applicationNo, o.agreementNo, o.opportunityId, o.customerId, o.ownerId,
                o.teamId, o.productLine, o.valueTier, o.monthlyValue, o.state, o.stateReason,
                o.requestedCompletionDate, o.billingStartDate, o.submittedBy, o.createdAt, o.updatedAt, o.completedAt,
                timeline);
    }
}

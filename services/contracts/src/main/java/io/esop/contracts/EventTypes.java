package io.esop.contracts;

import io.esop.contracts.customer.CustomerSnapshot;
import io.esop.contracts.opportunity.OpportunityAssigned;
import io.esop.contracts.opportunity.OpportunityAwarded;
import io.esop.contracts.opportunity.OpportunityBiddingOpened;
import io.esop.contracts.opportunity.OpportunityCollaborationChanged;
import io.esop.contracts.opportunity.OpportunityConverted;
import io.esop.contracts.opportunity.OpportunityCreated;
import io.esop.contracts.opportunity.OpportunityMerged;
import io.esop.contracts.opportunity.OpportunityStageChanged;
import io.esop.contracts.order.ApprovalDecided;
import io.esop.contracts.order.ApprovalRequested;
import io.esop.contracts.order.OrderCompleted;
import io.esop.contracts.order.OrderMilestoneReached;
import io.esop.contracts.order.OrderProgressEvent;
import io.esop.contracts.order.OrderStateChanged;
import io.esop.contracts.order.OrderSubmitted;
import io.esop.contracts.signal.Signal;
import io.esop.contracts.sla.SlaAlert;
import io.esop.contracts.sla.SlaPolicy;
import io.esop.contracts.staff.StaffSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every event type of ESOP. Each has a committed JSON Schema in {@code services/contracts/schemas/}. */
public final class EventTypes {

    public static final EventType<Signal> SIGNAL_RECEIVED =
            new EventType<>("esop.signal.received.v1", Signal.class, Topics.SIGNALS);

    public static final EventType<CustomerSnapshot> CUSTOMER_SNAPSHOT =
            new EventType<>("esop.customer.snapshot.v1", CustomerSnapshot.class, Topics.CUSTOMERS);

    public static final EventType<StaffSnapshot> STAFF_SNAPSHOT =
            new EventType<>("esop.staff.snapshot.v1", StaffSnapshot.class, Topics.STAFF);

    public static final EventType<OpportunityCreated> OPPORTUNITY_CREATED =
            new EventType<>("esop.opportunity.created.v1", OpportunityCreated.class, Topics.OPPORTUNITIES);
    public static final EventType<OpportunityMerged> OPPORTUNITY_MERGED =
            new EventType<>("esop.opportunity.merged.v1", OpportunityMerged.class, Topics.OPPORTUNITIES);
    public static final EventType<OpportunityAssigned> OPPORTUNITY_ASSIGNED =
            new EventType<>("esop.opportunity.assigned.v1", OpportunityAssigned.class, Topics.OPPORTUNITIES);
    public static final EventType<OpportunityBiddingOpened> OPPORTUNITY_BIDDING_OPENED =
            new EventType<>("esop.opportunity.bidding-opened.v1", OpportunityBiddingOpened.class,
                    Topics.OPPORTUNITIES);
    public static final EventType<OpportunityAwarded> OPPORTUNITY_AWARDED =
            new EventType<>("esop.opportunity.awarded.v1", OpportunityAwarded.class, Topics.OPPORTUNITIES);
    public static final EventType<OpportunityStageChanged> OPPORTUNITY_STAGE_CHANGED =
            new EventType<>("esop.opportunity.stage-changed.v1", OpportunityStageChanged.class,
                    Topics.OPPORTUNITIES);
    public static final EventType<OpportunityCollaborationChanged> OPPORTUNITY_COLLABORATION_CHANGED =
            new EventType<>("esop.opportunity.collaboration-changed.v1", OpportunityCollaborationChanged.class,
                    Topics.OPPORTUNITIES);
    public static final EventType<OpportunityConverted> OPPORTUNITY_CONVERTED =
            new EventType<>("esop.opportunity.converted.v1", OpportunityConverted.class, Topics.OPPORTUNITIES);

    public static final EventType<OrderSubmitted> ORDER_SUBMITTED =
            new EventType<>("esop.order.submitted.v1", OrderSubmitted.class, Topics.ORDERS);
    public static final EventType<OrderStateChanged> ORDER_STATE_CHANGED =
            new EventType<>("esop.order.state-changed.v1", OrderStateChanged.class, Topics.ORDERS);
    public static final EventType<OrderMilestoneReached> ORDER_MILESTONE_REACHED =
            new EventType<>("esop.order.milestone-reached.v1", OrderMilestoneReached.class, Topics.ORDERS);
    public static final EventType<OrderCompleted> ORDER_COMPLETED =
            new EventType<>("esop.order.completed.v1", OrderCompleted.class, Topics.ORDERS);
    public static final EventType<ApprovalRequested> APPROVAL_REQUESTED =
            new EventType<>("esop.approval.requested.v1", ApprovalRequested.class, Topics.ORDERS);
    public static final EventType<ApprovalDecided> APPROVAL_DECIDED =
            new EventType<>("esop.approval.decided.v1", ApprovalDecided.class, Topics.ORDERS);

    public static final EventType<OrderProgressEvent> ORDER_PROGRESS_REPORTED =
            new EventType<>("esop.order.progress-reported.v1", OrderProgressEvent.class, Topics.ORDER_PROGRESS);

    public static final EventType<SlaPolicy> SLA_POLICY =
            new EventType<>("esop.sla.policy.v1", SlaPolicy.class, Topics.SLA_POLICIES);
    public static final EventType<SlaAlert> SLA_ALERT =
            new EventType<>("esop.sla.alert.v1", SlaAlert.class, Topics.SLA_ALERTS);

    /** Every event type, in the order above. */
    public static final List<EventType<?>> ALL = List.of(
            SIGNAL_RECEIVED,
            CUSTOMER_SNAPSHOT,
            STAFF_SNAPSHOT,
            OPPORTUNITY_CREATED,
            OPPORTUNITY_MERGED,
            OPPORTUNITY_ASSIGNED,
            OPPORTUNITY_BIDDING_OPENED,
            OPPORTUNITY_AWARDED,
            OPPORTUNITY_STAGE_CHANGED,
            OPPORTUNITY_COLLABORATION_CHANGED,
            OPPORTUNITY_CONVERTED,
            ORDER_SUBMITTED,
            ORDER_STATE_CHANGED,
            ORDER_MILESTONE_REACHED,
            ORDER_COMPLETED,
            APPROVAL_REQUESTED,
            APPROVAL_DECIDED,
            ORDER_PROGRESS_REPORTED,
            SLA_POLICY,
            SLA_ALERT);

    private static final Map<String, EventType<?>> BY_NAME = index();

    private EventTypes() {
    }

    /** The event type with this CloudEvents type name ({@code ce_type}), if there is one. */
    public static java.util.Optional<EventType<?>> byName(String name) {
        return java.util.Optional.ofNullable(BY_NAME.get(name));
    }

    /** The event types published on {@code topic}. */
    public static List<EventType<?>> onTopic(String topic) {
        return ALL.stream().filter(type -> type.topic().equals(topic)).toList();
    }

    /** The event type whose payload is {@code payload}, if there is one. */
    @SuppressWarnings("unchecked")
    public static <T extends EsopEvent> java.util.Optional<EventType<T>> byPayload(Class<T> payload) {
        return ALL.stream()
                .filter(type -> type.payload().equals(payload))
                .map(type -> (EventType<T>) type)
                .findFirst();
    }

    private static Map<String, EventType<?>> index() {
        Map<String, EventType<?>> byName = new LinkedHashMap<>();
        for (EventType<?> type : ALL) {
            if (byName.put(type.name(), type) != null) {
                throw new IllegalStateException("duplicate event type " + type.name());
            }
        }
        return Map.copyOf(byName);
    }
}

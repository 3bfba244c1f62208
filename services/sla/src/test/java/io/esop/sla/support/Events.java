package io.esop.sla.support;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.CloudEvents;
import io.esop.contracts.EsopEvent;
import io.esop.contracts.EsopJson;
import io.esop.contracts.EventType;
import io.esop.contracts.EventTypes;
import io.esop.contracts.ProductLine;
import io.esop.contracts.StaffRole;
import io.esop.contracts.ValueTier;
import io.esop.contracts.opportunity.CreditSplit;
import io.esop.contracts.opportunity.OpportunityAssigned;
import io.esop.contracts.opportunity.OpportunityStage;
import io.esop.contracts.opportunity.OpportunityStageChanged;
import io.esop.contracts.order.ApprovalDecided;
import io.esop.contracts.order.ApprovalDecision;
import io.esop.contracts.order.ApprovalKind;
import io.esop.contracts.order.ApprovalRequested;
import io.esop.contracts.order.Milestone;
import io.esop.contracts.order.OrderCompleted;
import io.esop.contracts.order.OrderMilestoneReached;
import io.esop.contracts.order.OrderState;
import io.esop.contracts.order.OrderStateChanged;
import io.esop.contracts.order.OrderSubmitted;
import io.esop.contracts.order.ProgressKind;
import io.esop.contracts.sla.BusinessCalendar;
import io.esop.contracts.sla.ClockType;
import io.esop.contracts.sla.EscalationStep;
import io.esop.contracts.sla.SlaPolicy;

/** Contracts events for tests, and their CloudEvents headers. */
public final class Events {

    public static final ObjectMapper JSON = EsopJson.newObjectMapper();

    private Events() {
    }

    public static SlaPolicy policy(String id, ValueTier tier, ProductLine line, ClockType type, Duration target,
            Duration escalationAfter, BusinessCalendar calendar) {
        return new SlaPolicy(id, 1, tier, line, type, null, null, target, 50,
                escalationAfter == null ? List.of()
                        : List.of(new EscalationStep(1, escalationAfter, StaffRole.SALES_DIRECTOR),
                                new EscalationStep(2, escalationAfter.multipliedBy(2), StaffRole.ADMIN)),
                calendar, Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2020-01-01T00:00:00Z"));
    }

    public static OpportunityAssigned assigned(String opportunityId, long seq, String owner, ValueTier tier,
            ProductLine line, Instant at) {
        return new OpportunityAssigned(opportunityId, seq, owner, "sh-enterprise", "test", null,
                CreditSplit.soleOwner(owner), "cust-" + opportunityId, line, tier, at);
    }

    public static OpportunityStageChanged stage(String opportunityId, long seq, OpportunityStage from,
            OpportunityStage to, ValueTier tier, ProductLine line, Instant at) {
        return new OpportunityStageChanged(opportunityId, seq, from, to, null, null, null, "cust-" + opportunityId,
                line, tier, at);
    }

    public static ApprovalRequested approvalRequested(String applicationNo, String approvalId, long seq,
            String approver, ValueTier tier, ProductLine line, Instant at) {
        return new ApprovalRequested(approvalId, applicationNo, seq, ApprovalKind.PRICE_NEGOTIATION, approver,
                StaffRole.SALES_DIRECTOR, "cust-" + applicationNo, line, tier, "cm-zhang", new BigDecimal("10.00"),
                null, null, at);
    }

    public static ApprovalDecided approvalDecided(String applicationNo, String approvalId, long seq, Instant at) {
        return new ApprovalDecided(approvalId, applicationNo, seq, ApprovalKind.PRICE_NEGOTIATION,
                ApprovalDecision.APPROVED, "dir-wang", null, "cust-" + applicationNo, at);
    }

    public static OrderSubmitted orderSubmitted(String orderId, long seq, String owner, ValueTier tier,
            ProductLine line, Instant at) {
        return new OrderSubmitted(orderId, seq, "app-" + orderId, null, null, "cust-" + orderId, line, tier, owner,
                "sh-enterprise", new BigDecimal("1200.00"), OrderState.ACKNOWLEDGED, null, owner, at);
    }

    public static OrderStateChanged orderState(String orderId, long seq, OrderState from, OrderState to,
            String owner, ValueTier tier, ProductLine line, Instant at) {
        return new OrderStateChanged(orderId, seq, from, to, null, "cust-" + orderId, line, tier, owner, at);
    }

    public static OrderMilestoneReached milestone(String orderId, long seq, Milestone milestone, ProgressKind kind,
            String owner, ValueTier tier, ProductLine line, Instant at) {
        return new OrderMilestoneReached(orderId, seq, milestone, kind, "cust-" + orderId, line, tier, owner,
                "OSS-TEST", null, null, at);
    }

    public static OrderCompleted orderCompleted(String orderId, long seq, String owner, ValueTier tier,
            ProductLine line, Instant at) {
        return new OrderCompleted(orderId, seq, "cust-" + orderId, line, tier, owner, new BigDecimal("1200.00"), null,
                at);
    }

    /** CloudEvents binary-mode headers for an event. */
    public static Headers headers(EsopEvent event) {
        EventType<?> type = EventTypes.byPayload(event.getClass()).orElseThrow();
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEvents.SPEC_VERSION, bytes("1.0"));
        headers.add(CloudEvents.ID, bytes(java.util.UUID.randomUUID().toString()));
        headers.add(CloudEvents.TYPE, bytes(type.name()));
        headers.add(CloudEvents.SOURCE, bytes("esop-sla-test"));
        headers.add(CloudEvents.SUBJECT, bytes(event.key()));
        headers.add(CloudEvents.TIME, bytes(event.occurredAt().toString()));
        headers.add(CloudEvents.CONTENT_TYPE, bytes(CloudEvents.APPLICATION_JSON));
        return headers;
    }

    public static String topicOf(EsopEvent event) {
        return EventTypes.byPayload(event.getClass()).orElseThrow().topic();
    }

    public static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

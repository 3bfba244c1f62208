package io.esop.contracts;

import io.esop.contracts.customer.CustomerSnapshot;
import io.esop.contracts.customer.CustomerStatus;
import io.esop.contracts.opportunity.CreditSplit;
import io.esop.contracts.opportunity.OpportunityAssigned;
import io.esop.contracts.opportunity.OpportunityAwarded;
import io.esop.contracts.opportunity.OpportunityBiddingOpened;
import io.esop.contracts.opportunity.OpportunityCollaborationChanged;
import io.esop.contracts.opportunity.OpportunityConverted;
import io.esop.contracts.opportunity.OpportunityCreated;
import io.esop.contracts.opportunity.OpportunityMerged;
import io.esop.contracts.opportunity.OpportunityStage;
import io.esop.contracts.opportunity.OpportunityStageChanged;
import io.esop.contracts.order.ApprovalDecided;
import io.esop.contracts.order.ApprovalDecision;
import io.esop.contracts.order.ApprovalKind;
import io.esop.contracts.order.ApprovalRequested;
import io.esop.contracts.order.Milestone;
import io.esop.contracts.order.OrderCompleted;
import io.esop.contracts.order.OrderMilestoneReached;
import io.esop.contracts.order.OrderProgressEvent;
import io.esop.contracts.order.OrderState;
import io.esop.contracts.order.OrderStateChanged;
import io.esop.contracts.order.OrderSubmitted;
import io.esop.contracts.order.ProgressKind;
import io.esop.contracts.signal.Intent;
import io.esop.contracts.signal.Prospect;
import io.esop.contracts.signal.Signal;
import io.esop.contracts.signal.SignalSource;
import io.esop.contracts.sla.AlertKind;
import io.esop.contracts.sla.BusinessCalendar;
import io.esop.contracts.sla.CalendarKind;
import io.esop.contracts.sla.ClockType;
import io.esop.contracts.sla.EscalationStep;
import io.esop.contracts.sla.SlaAlert;
import io.esop.contracts.sla.SlaPolicy;
import io.esop.contracts.sla.SlaSubjectType;
import io.esop.contracts.staff.StaffSnapshot;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One realistic payload per event type, every optional component filled. They are the round-trip
 * fixtures and the {@code examples} of the generated schemas, so integration teams read them: keep them
 * plausible and deterministic.
 */
public final class Samples {

    private static final Instant T0 = Instant.parse("2025-03-03T01:30:00Z");
    private static final String CUSTOMER = "CUST-310000-000123";
    private static final String OPPORTUNITY = "OPP-20250303-0001";
    private static final String ORDER = "ORD-20250310-0042";
    private static final String APPLICATION = "APP-20250305-0007";
    private static final CreditSplit SPLIT = new CreditSplit("zhangwei", 70, "lina", 30);

    private static final Map<EventType<?>, EsopEvent> SAMPLES = new LinkedHashMap<>();

    static {
        put(EventTypes.SIGNAL_RECEIVED, new Signal(
                "SIG-PORTAL-20250303-00017", SignalSource.PORTAL_INQUIRY, null,
                new Prospect("苏州云帆物流有限公司", "91320500MA1MXQ0K34", "320500", Industry.LOGISTICS,
                        "王强", "13800138000"),
                ProductLine.SDWAN, Intent.NEW, 0.6, new BigDecimal("6000.00"),
                T0.minusSeconds(3600), "Asks for SD-WAN between 12 warehouses, wants a visit next week",
                "chenjie", T0));
        put(EventTypes.CUSTOMER_SNAPSHOT, new CustomerSnapshot(
                CUSTOMER, "上海浦江精密制造有限公司", "91310115MA1K4B2X7G", Industry.MANUFACTURING, "310000",
                ValueTier.KEY, CustomerStatus.ACTIVE, "zhangwei", "TEAM-SH-MFG", new BigDecimal("500000.00"),
                new BigDecimal("0.00"), T0.minusSeconds(86400), 17, T0));
        put(EventTypes.STAFF_SNAPSHOT, new StaffSnapshot(
                "zhangwei", "张伟", StaffRole.CUSTOMER_MANAGER, "310000",
                List.of(Industry.MANUFACTURING, Industry.LOGISTICS),
                List.of(ProductLine.DEDICATED_LINE, ProductLine.SDWAN, ProductLine.CLOUD),
                "TEAM-SH-MFG", "liuyang", 25, true, T0.minusSeconds(86400), 4, T0));

        put(EventTypes.OPPORTUNITY_CREATED, new OpportunityCreated(
                OPPORTUNITY, 1, "SIG-BASS-20250303-88231", SignalSource.BASS_USAGE_SURGE, CUSTOMER, null,
                "310000", Industry.MANUFACTURING, ProductLine.DEDICATED_LINE, Intent.EXPAND, ValueTier.KEY, 0.82, 82,
                new BigDecimal("12000.00"), T0));
        put(EventTypes.OPPORTUNITY_MERGED, new OpportunityMerged(
                OPPORTUNITY, 2, "SIG-CRM-20250303-00231", SignalSource.CONTRACT_EXPIRY, 0.9, 90,
                new BigDecimal("15000.00"), T0.plusSeconds(600), null));
        put(EventTypes.OPPORTUNITY_ASSIGNED, new OpportunityAssigned(
                OPPORTUNITY, 3, "zhangwei", "TEAM-SH-MFG", "account manager of the customer", "liuyang",
                SPLIT, CUSTOMER, ProductLine.DEDICATED_LINE, ValueTier.KEY, T0.plusSeconds(660)));
        put(EventTypes.OPPORTUNITY_BIDDING_OPENED, new OpportunityBiddingOpened(
                "OPP-20250303-0002", 2, T0.plusSeconds(2 * 3600), List.of("zhangwei", "lina", "chenjie"),
                "310000", CUSTOMER, ProductLine.IDC, ValueTier.STANDARD, new BigDecimal("8000.00"),
                T0.plusSeconds(60)));
        put(EventTypes.OPPORTUNITY_AWARDED, new OpportunityAwarded(
                "OPP-20250303-0002", 3, "lina", "TEAM-SH-MFG", "best bid: earliest visit, IDC experience",
                "liuyang", CreditSplit.soleOwner("lina"), CUSTOMER, ProductLine.IDC, ValueTier.STANDARD,
                T0.plusSeconds(2 * 3600 + 30)));
        put(EventTypes.OPPORTUNITY_STAGE_CHANGED, new OpportunityStageChanged(
                OPPORTUNITY, 4, OpportunityStage.ASSIGNED, OpportunityStage.CONTACTED,
                "on-site visit with the IT manager", "zhangwei", "zhangwei", CUSTOMER,
                ProductLine.DEDICATED_LINE, ValueTier.KEY, T0.plusSeconds(5 * 3600), SPLIT));
        put(EventTypes.OPPORTUNITY_COLLABORATION_CHANGED, new OpportunityCollaborationChanged(
                OPPORTUNITY, 5, SPLIT, "liuyang", T0.plusSeconds(6 * 3600)));
        put(EventTypes.OPPORTUNITY_CONVERTED, new OpportunityConverted(
                OPPORTUNITY, 9, CUSTOMER, ProductLine.DEDICATED_LINE, ValueTier.KEY, new BigDecimal("14500.00"),
                SPLIT, APPLICATION, T0.plusSeconds(2 * 86400)));

        put(EventTypes.ORDER_SUBMITTED, new OrderSubmitted(
                ORDER, 1, APPLICATION, "AGR-20250308-0003", OPPORTUNITY, CUSTOMER, ProductLine.DEDICATED_LINE,
                ValueTier.KEY, "zhangwei", "TEAM-SH-MFG", new BigDecimal("14500.00"), OrderState.ACKNOWLEDGED,
                LocalDate.parse("2025-04-15"), "zhangwei", T0.plusSeconds(7 * 86400)));
        put(EventTypes.ORDER_STATE_CHANGED, new OrderStateChanged(
                ORDER, 2, OrderState.ACKNOWLEDGED, OrderState.IN_PROGRESS, "accepted by fulfilment", CUSTOMER,
                ProductLine.DEDICATED_LINE, ValueTier.KEY, "zhangwei", T0.plusSeconds(7 * 86400 + 600)));
        put(EventTypes.ORDER_MILESTONE_REACHED, new OrderMilestoneReached(
                ORDER, 5, Milestone.SITE_SURVEY, ProgressKind.MILESTONE_COMPLETED, CUSTOMER,
                ProductLine.DEDICATED_LINE, ValueTier.KEY, "zhangwei", "OSS-SURVEY",
                "PRG-OSS-SURVEY-771203", "duct available, no civil works needed", T0.plusSeconds(8 * 86400)));
        put(EventTypes.ORDER_COMPLETED, new OrderCompleted(
                ORDER, 17, CUSTOMER, ProductLine.DEDICATED_LINE, ValueTier.KEY, "zhangwei",
                new BigDecimal("14500.00"), LocalDate.parse("2025-04-01"), T0.plusSeconds(28 * 86400)));
        put(EventTypes.APPROVAL_REQUESTED, new ApprovalRequested(
                "APR-20250305-0011", APPLICATION, 1, ApprovalKind.PRICE_NEGOTIATION, "liuyang",
                StaffRole.SALES_DIRECTOR, CUSTOMER, ProductLine.DEDICATED_LINE, ValueTier.KEY, "zhangwei",
                new BigDecimal("12.50"), new BigDecimal("14500.00"), "competitor offer at 14,000 CNY",
                T0.plusSeconds(2 * 86400 + 3600)));
        put(EventTypes.APPROVAL_DECIDED, new ApprovalDecided(
                "APR-20250305-0011", APPLICATION, 2, ApprovalKind.PRICE_NEGOTIATION, ApprovalDecision.APPROVED,
                "liuyang", "approved for a 3-year term", CUSTOMER, T0.plusSeconds(2 * 86400 + 7200)));

        put(EventTypes.ORDER_PROGRESS_REPORTED, new OrderProgressEvent(
                "PRG-OSS-SURVEY-771203", ORDER, 5, Milestone.SITE_SURVEY, ProgressKind.MILESTONE_COMPLETED,
                T0.plusSeconds(8 * 86400), "OSS-SURVEY", "duct available, no civil works needed"));

        put(EventTypes.SLA_POLICY, new SlaPolicy(
                "POL-KEY-DEDICATED_LINE-ORDER_MILESTONE-SITE_SURVEY", 3, ValueTier.KEY, ProductLine.DEDICATED_LINE,
                ClockType.ORDER_MILESTONE, Milestone.SITE_SURVEY, null,
                Duration.ofHours(16), 75,
                List.of(new EscalationStep(1, Duration.ofHours(4), StaffRole.SALES_DIRECTOR),
                        new EscalationStep(2, Duration.ofHours(8), StaffRole.ADMIN)),
                new BusinessCalendar(CalendarKind.BUSINESS_HOURS, "Asia/Shanghai",
                        List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                                DayOfWeek.FRIDAY),
                        LocalTime.of(9, 0), LocalTime.of(18, 0),
                        List.of(LocalDate.parse("2025-05-01"), LocalDate.parse("2025-05-02")),
                        List.of(LocalDate.parse("2025-04-27"))),
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2024-12-20T08:00:00Z")));
        put(EventTypes.SLA_ALERT, new SlaAlert(
                "CLK-ORD-20250310-0042-SITE_SURVEY:ESCALATED:1", "CLK-ORD-20250310-0042-SITE_SURVEY",
                ClockType.ORDER_MILESTONE, AlertKind.ESCALATED, 1, SlaSubjectType.ORDER, ORDER,
                Milestone.SITE_SURVEY, CUSTOMER, "zhangwei", StaffRole.SALES_DIRECTOR,
                T0.plusSeconds(9 * 86400), T0.plusSeconds(9 * 86400).plusMillis(420),
                "POL-KEY-DEDICATED_LINE-ORDER_MILESTONE-SITE_SURVEY", 3, T0.plusSeconds(9 * 86400)));
    }

    private Samples() {
    }

    private static <T extends EsopEvent> void put(EventType<T> type, T sample) {
        SAMPLES.put(type, sample);
    }

    /** The sample payload of {@code type}. */
    public static EsopEvent of(EventType<?> type) {
        EsopEvent sample = SAMPLES.get(type);
        if (sample == null) {
            throw new IllegalStateException("no sample for " + type.name() + ": add one to Samples");
        }
        return sample;
    }
}

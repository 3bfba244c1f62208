package io.esop.contracts;

import java.util.List;

/**
 * Every Kafka topic ESOP uses. Each is declared once as a Strimzi {@code KafkaTopic} in
 * {@code kafka-topics/}; channels in {@code application.properties} and tests name them through these
 * constants. The {@code .v1} suffix is the topic's generation, not an event-type version.
 */
public final class Topics {

    /** Opportunity signals (BASS analytics, portal inquiries, field capture, ...); key = signalId. */
    public static final String SIGNALS = "esop.signals.v1";
    /** Compacted customer snapshots; key = customerId. */
    public static final String CUSTOMERS = "esop.customers.v1";
    /** Compacted staff directory snapshots; key = staffId (Keycloak username). */
    public static final String STAFF = "esop.staff.v1";
    /** Opportunity lifecycle; key = opportunityId. */
    public static final String OPPORTUNITIES = "esop.opportunities.v1";
    /** Order and approval lifecycle; key = orderId (applicationNo for approvals). */
    public static final String ORDERS = "esop.orders.v1";
    /** Raw progress reported by fulfilment systems; key = orderId. */
    public static final String ORDER_PROGRESS = "esop.order-progress.v1";
    /** Compacted SLA policies; key = policyId. */
    public static final String SLA_POLICIES = "esop.sla-policies.v1";
    /** SLA warnings, breaches and escalations; key = clockId. */
    public static final String SLA_ALERTS = "esop.sla-alerts.v1";

    public static final String OPPORTUNITY_DLQ = "esop.opportunity.dlq.v1";
    public static final String ORDER_DLQ = "esop.order.dlq.v1";
    public static final String SLA_DLQ = "esop.sla.dlq.v1";
    public static final String WORKBENCH_DLQ = "esop.workbench.dlq.v1";

    /** The topics carrying events. */
    public static final List<String> EVENT_TOPICS = List.of(
            SIGNALS, CUSTOMERS, STAFF, OPPORTUNITIES, ORDERS, ORDER_PROGRESS, SLA_POLICIES, SLA_ALERTS);

    /** The dead-letter topics, one per consuming service. */
    public static final List<String> DEAD_LETTER_TOPICS = List.of(
            OPPORTUNITY_DLQ, ORDER_DLQ, SLA_DLQ, WORKBENCH_DLQ);

    /** Every topic above. */
    public static final List<String> ALL = List.of(
            SIGNALS, CUSTOMERS, STAFF, OPPORTUNITIES, ORDERS, ORDER_PROGRESS, SLA_POLICIES, SLA_ALERTS,
            OPPORTUNITY_DLQ, ORDER_DLQ, SLA_DLQ, WORKBENCH_DLQ);

    private Topics() {
    }
}

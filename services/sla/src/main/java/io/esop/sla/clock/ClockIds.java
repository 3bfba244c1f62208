package io.esop.sla.clock;

import io.esop.contracts.order.Milestone;

/**
 * Clock ids start with their subject, so the clocks of one opportunity, approval or order are one prefix scan
 * of the clock store, and stay on the partition of the subject's events.
 */
public final class ClockIds {

    private ClockIds() {
    }

    public static String opportunityPrefix(String opportunityId) {
        return "OPPORTUNITY:" + opportunityId + ":";
    }

    public static String approvalPrefix(String approvalId) {
        return "APPROVAL:" + approvalId + ":";
    }

    public static String orderPrefix(String orderId) {
        return "ORDER:" + orderId + ":";
    }

    public static String firstContact(String opportunityId) {
        return opportunityPrefix(opportunityId) + "FIRST_CONTACT";
    }

    public static String approvalDecision(String approvalId) {
        return approvalPrefix(approvalId) + "DECISION";
    }

    public static String orderTotal(String orderId) {
        return orderPrefix(orderId) + "TOTAL";
    }

    public static String milestone(String orderId, Milestone milestone) {
        return orderPrefix(orderId) + "MILESTONE:" + milestone;
    }
}

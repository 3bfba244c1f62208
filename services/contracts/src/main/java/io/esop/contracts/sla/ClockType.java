package io.esop.contracts.sla;

/** What an SLA clock measures. */
public enum ClockType {
    /** From assignment (or award) of an opportunity to the owner's first contact with the customer. */
    OPPORTUNITY_FIRST_CONTACT,
    /** From an approval request to its decision. */
    APPROVAL_DECISION,
    /** From the start of an order milestone to its completion. */
    ORDER_MILESTONE,
    /** From order submission to completion. */
    ORDER_TOTAL
}

package io.esop.contracts.sla;

/** The kind of thing an SLA clock runs for. */
public enum SlaSubjectType {
    OPPORTUNITY,
    APPROVAL,
    ORDER
}

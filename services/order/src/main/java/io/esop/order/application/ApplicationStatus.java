package io.esop.order.application;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Life of an application (申请单), as an explicit state machine. */
public enum ApplicationStatus {
    /** Being written by the manager (or arrived from a converted opportunity). */
    DRAFT,
    /** Submitted; waiting for its approvals. */
    PENDING_APPROVAL,
    /** An approver rejected it; back with the manager, with the reason. */
    REJECTED,
    /** Every approval granted (or none needed); the agreement is issued. */
    APPROVED,
    /** The agreement was signed and the order created. */
    ORDERED;

    private static final Map<ApplicationStatus, Set<ApplicationStatus>> ALLOWED = Map.of(
            DRAFT, EnumSet.of(PENDING_APPROVAL, APPROVED),
            PENDING_APPROVAL, EnumSet.of(APPROVED, REJECTED),
            REJECTED, EnumSet.of(DRAFT, PENDING_APPROVAL, APPROVED),
            APPROVED, EnumSet.of(ORDERED),
            ORDERED, EnumSet.noneOf(ApplicationStatus.class));

    public boolean canMoveTo(ApplicationStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** Only a draft or a rejected application may be edited. */
    public boolean editable() {
        return this == DRAFT || this == REJECTED;
    }
}

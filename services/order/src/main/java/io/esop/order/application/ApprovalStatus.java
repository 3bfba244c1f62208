package io.esop.order.application;

/** State of one approval step. */
public enum ApprovalStatus {
    /** A later step of a chain; becomes PENDING when the step before it is approved. */
    WAITING,
    /** Waiting for a decision. */
    PENDING,
    APPROVED,
    REJECTED,
    /** Another step of the same round was rejected; this one needs no decision any more. */
    CANCELLED
}

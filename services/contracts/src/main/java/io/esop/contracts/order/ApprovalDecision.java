package io.esop.contracts.order;

/** The outcome of an approval. */
public enum ApprovalDecision {
    APPROVED,
    REJECTED
}

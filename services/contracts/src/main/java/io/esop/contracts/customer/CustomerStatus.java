package io.esop.contracts.customer;

/** Lifecycle of an enterprise customer in the customer service. */
public enum CustomerStatus {
    /** Known but not yet a customer (no active subscription). */
    PROSPECT,
    ACTIVE,
    /** Service suspended, e.g. by credit control (信控) for arrears. */
    SUSPENDED,
    CLOSED
}

package io.esop.contracts.signal;

/** What a signal or opportunity would mean for the customer's business with the operator. */
public enum Intent {
    /** A new customer or a product the customer does not have yet. */
    NEW,
    /** More of what the customer has (bandwidth, sites, seats). */
    EXPAND,
    /** Renew an expiring contract. */
    RENEW,
    /** Keep a customer at risk of leaving. */
    RETAIN
}

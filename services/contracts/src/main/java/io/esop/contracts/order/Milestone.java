package io.esop.contracts.order;

/** Fulfilment milestones of an order, in the order they normally happen. */
public enum Milestone {
    /** Check that ports, fibre, capacity exist (资源核查). */
    RESOURCE_CHECK,
    /** 勘察 */
    SITE_SURVEY,
    /** 施工 */
    CONSTRUCTION,
    INSTALLATION,
    /** Service switched on in the network (开通). */
    ACTIVATION,
    /** The customer accepts the service. */
    ACCEPTANCE,
    /** Billing starts (起租). */
    BILLING_START
}

package io.esop.contracts.opportunity;

/** Where an opportunity (商机) stands. */
public enum OpportunityStage {
    /** Created from a signal, nobody owns it yet. */
    NEW,
    /** Owned by a customer manager who has not contacted the customer yet. */
    ASSIGNED,
    /** Open for bids from eligible customer managers (商机竞标). */
    BIDDING,
    /** Nobody could be assigned automatically and nobody bid: waits for a sales director. */
    DIRECTOR_QUEUE,
    /** The owner has contacted the customer (stops the first-contact SLA clock). */
    CONTACTED,
    QUALIFIED,
    PROPOSAL,
    NEGOTIATION,
    WON,
    LOST;

    /** True for WON and LOST: nothing happens to the opportunity after these. */
    public boolean isClosed() {
        return this == WON || this == LOST;
    }
}

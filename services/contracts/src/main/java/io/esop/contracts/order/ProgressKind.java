package io.esop.contracts.order;

/** What a fulfilment progress report says (TMF641-style milestone and jeopardy events). */
public enum ProgressKind {
    MILESTONE_STARTED,
    MILESTONE_COMPLETED,
    MILESTONE_FAILED,
    /** Fulfilment is held (e.g. the customer's site is not ready); no milestone. */
    HELD,
    /** Fulfilment resumes after HELD; no milestone. */
    RESUMED;

    /** True when a report of this kind must name its milestone. */
    public boolean needsMilestone() {
        return this != HELD && this != RESUMED;
    }
}

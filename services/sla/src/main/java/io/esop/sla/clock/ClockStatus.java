package io.esop.sla.clock;

import java.util.EnumSet;
import java.util.Set;

/** Where an SLA clock stands; the allowed transitions are the whole state machine. */
public enum ClockStatus {
    RUNNING,
    /** The order is held (waiting for the customer): time does not count. */
    PAUSED,
    /** Stopped by the event it waited for (MET alert sent; late if after the due time). */
    STOPPED,
    /** No target applies any more (opportunity lost, order cancelled). */
    CANCELLED;

    public Set<ClockStatus> next() {
        return switch (this) {
            case RUNNING -> EnumSet.of(PAUSED, STOPPED, CANCELLED);
            case PAUSED -> EnumSet.of(RUNNING, STOPPED, CANCELLED);
            case STOPPED, CANCELLED -> EnumSet.noneOf(ClockStatus.class);
        };
    }

    public boolean canMoveTo(ClockStatus target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return this == STOPPED || this == CANCELLED;
    }
}

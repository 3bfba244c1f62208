package io.esop.sla.clock;

import java.time.Duration;

import io.esop.contracts.StaffRole;
import io.esop.contracts.sla.AlertKind;

/** One alert a running clock will fire once, when {@code offset} of calendar time has been spent. */
public record Threshold(AlertKind kind, int level, Duration offset, StaffRole notifyRole) {

    /** The (kind, level) pair that makes an alert unique per clock. */
    public String slot() {
        return kind + ":" + level;
    }
}

package io.esop.contracts.sla;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.esop.contracts.Require;
import io.esop.contracts.StaffRole;
import java.time.Duration;

/** One escalation level of an SLA policy. */
@JsonClassDescription("One escalation level (升级) of an SLA policy: when the clock is still running this long "
        + "after its breach, notify this role.")
public record EscalationStep(
        @JsonPropertyDescription("Escalation level, starting at 1.")
        int level,
        @JsonPropertyDescription("Time after the breach, counted in the policy's calendar, ISO-8601 duration.")
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        Duration after,
        StaffRole notifyRole) {

    public EscalationStep {
        Require.atLeast(level, 1, "level");
        Require.nonNull(after, "after");
        Require.that(!after.isNegative(), "after must not be negative");
        Require.nonNull(notifyRole, "notifyRole");
    }
}

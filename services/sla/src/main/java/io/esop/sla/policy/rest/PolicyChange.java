package io.esop.sla.policy.rest;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import io.esop.contracts.sla.BusinessCalendar;
import io.esop.contracts.sla.EscalationStep;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A new version of an existing policy: what may change (the cell may not). */
@RegisterForReflection
public record PolicyChange(
        @NotNull Duration target,
        @Min(1) @Max(99) Integer warningThresholdPercent,
        List<EscalationStep> escalations,
        BusinessCalendar calendar) {
}

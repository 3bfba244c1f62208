package io.esop.sla.policy.rest;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import io.esop.contracts.ProductLine;
import io.esop.contracts.ValueTier;
import io.esop.contracts.order.ApprovalKind;
import io.esop.contracts.order.Milestone;
import io.esop.contracts.sla.BusinessCalendar;
import io.esop.contracts.sla.ClockType;
import io.esop.contracts.sla.EscalationStep;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A new policy for one cell of the matrix. {@code target} and escalation {@code after} are ISO-8601 durations;
 * without {@code calendar} the policy counts business hours (Asia/Shanghai, Mon-Fri 09:00-18:00).
 */
@RegisterForReflection
public record PolicyRequest(
        @NotNull ValueTier valueTier,
        @NotNull ProductLine productLine,
        @NotNull ClockType clockType,
        Milestone milestone,
        ApprovalKind approvalKind,
        @NotNull Duration target,
        @Min(1) @Max(99) Integer warningThresholdPercent,
        List<EscalationStep> escalations,
        BusinessCalendar calendar) {

    public PolicyChange change() {
        return new PolicyChange(target, warningThresholdPercent, escalations, calendar);
    }
}

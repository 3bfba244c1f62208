package io.esop.sla.policy.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.esop.contracts.ProductLine;
import io.esop.contracts.ValueTier;
import io.esop.contracts.order.ApprovalKind;
import io.esop.contracts.order.Milestone;
import io.esop.contracts.sla.BusinessCalendar;
import io.esop.contracts.sla.ClockType;
import io.esop.contracts.sla.EscalationStep;
import io.esop.contracts.sla.SlaPolicy;
import io.esop.sla.policy.PolicyVersion;
import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record PolicyView(String policyId, int version, ValueTier valueTier, ProductLine productLine,
        ClockType clockType, Milestone milestone, ApprovalKind approvalKind,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration target, int warningThresholdPercent,
        List<EscalationStep> escalations, BusinessCalendar calendar, Instant effectiveFrom, Instant createdAt,
        String createdBy, boolean retired) {

    public static PolicyView of(SlaPolicy p, PolicyVersion v) {
        return new PolicyView(p.policyId(), p.version(), p.valueTier(), p.productLine(), p.clockType(),
                p.milestone(), p.approvalKind(), p.target(), p.warningThresholdPercent(), p.escalations(),
                p.calendar(), p.effectiveFrom(), v.createdAt, v.createdBy, v.retired);
    }
}

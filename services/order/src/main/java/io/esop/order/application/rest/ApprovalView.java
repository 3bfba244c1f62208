package io.esop.order.application.rest;

import java.math.BigDecimal;
import java.time.Instant;

import io.esop.contracts.StaffRole;
import io.esop.contracts.order.ApprovalKind;
import io.esop.order.application.ApprovalStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One approval step, with what an approver needs to decide on a phone. */
@RegisterForReflection
public record ApprovalView(
        String approvalId,
        String applicationNo,
        int round,
        int step,
        ApprovalKind kind,
        StaffRole approverRole,
        String approverId,
        ApprovalStatus status,
        BigDecimal discountPercent,
        String decidedBy,
        String comment,
        Instant requestedAt,
        Instant decidedAt) {
}

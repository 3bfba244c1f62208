package io.esop.order.application.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.esop.contracts.ProductLine;
import io.esop.contracts.ValueTier;
import io.esop.contracts.opportunity.CreditSplit;
import io.esop.order.application.ApplicationItem;
import io.esop.order.application.ApplicationStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** An application as the API shows it. */
@RegisterForReflection
public record ApplicationView(
        String applicationNo,
        ApplicationStatus status,
        String customerId,
        String customerName,
        String ownerId,
        String teamId,
        ValueTier valueTier,
        ProductLine productLine,
        String opportunityId,
        CreditSplit creditSplit,
        List<ApplicationItem> items,
        BigDecimal listTotal,
        BigDecimal monthlyValue,
        BigDecimal maxDiscountPercent,
        LocalDate requestedCompletionDate,
        String rejectionReason,
        int approvalRound,
        List<ApprovalView> approvals,
        Instant createdAt,
        Instant updatedAt) {
}

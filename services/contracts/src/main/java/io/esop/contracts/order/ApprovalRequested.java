package io.esop.contracts.order;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.esop.contracts.EsopEvent;
import io.esop.contracts.EventKey;
import io.esop.contracts.Optional;
import io.esop.contracts.ProductLine;
import io.esop.contracts.Require;
import io.esop.contracts.StaffRole;
import io.esop.contracts.ValueTier;
import java.math.BigDecimal;
import java.time.Instant;

/** An application needs an approval; starts the approval-decision SLA clock. */
@JsonClassDescription("An application (申请单) needs an approval: price negotiation (议价审批) or resource "
        + "pre-reservation (资源预占审批). Keyed by the application number. Starts the approval-decision SLA clock.")
public record ApprovalRequested(
        String approvalId,
        @EventKey String applicationNo,
        @JsonPropertyDescription("Per-application sequence number, starting at 1.")
        long sequence,
        ApprovalKind kind,
        @JsonPropertyDescription("Staff id of the approver, when one person is asked; absent when any holder of "
                + "approverRole may decide.")
        @Optional String approverId,
        StaffRole approverRole,
        String customerId,
        ProductLine productLine,
        ValueTier valueTier,
        @JsonPropertyDescription("Staff id of who asked (usually the customer manager).")
        String requestedBy,
        @JsonPropertyDescription("For price negotiation: the discount asked for, in percent off the list price.")
        @Optional BigDecimal discountPercent,
        @JsonPropertyDescription("For price negotiation: the monthly price asked for, in CNY.")
        @Optional BigDecimal requestedMonthlyPrice,
        @Optional String reason,
        Instant occurredAt) implements EsopEvent {

    public ApprovalRequested {
        Require.nonNull(approvalId, "approvalId");
        Require.nonNull(applicationNo, "applicationNo");
        Require.sequence(sequence, "sequence");
        Require.nonNull(kind, "kind");
        Require.nonNull(approverRole, "approverRole");
        Require.nonNull(customerId, "customerId");
        Require.nonNull(productLine, "productLine");
        Require.nonNull(valueTier, "valueTier");
        Require.nonNull(requestedBy, "requestedBy");
        Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public String key() {
        return applicationNo;
    }
}

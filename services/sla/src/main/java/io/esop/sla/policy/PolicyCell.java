package io.esop.sla.policy;

import io.esop.contracts.ProductLine;
import io.esop.contracts.ValueTier;
import io.esop.contracts.order.ApprovalKind;
import io.esop.contracts.order.Milestone;
import io.esop.contracts.sla.ClockType;

/**
 * One cell of the policy matrix. The policy id is derived from the cell, so a cell has at most one policy and
 * changing it is always a new version of the same id.
 */
public record PolicyCell(ValueTier valueTier, ProductLine productLine, ClockType clockType, Milestone milestone,
        ApprovalKind approvalKind) {

    public String policyId() {
        StringBuilder id = new StringBuilder().append(valueTier).append('.').append(productLine).append('.')
                .append(clockType);
        if (milestone != null) {
            id.append('.').append(milestone);
        }
        if (approvalKind != null) {
            id.append('.').append(approvalKind);
        }
        return id.toString();
    }
}

package io.esop.sla.clock;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

import io.esop.contracts.ProductLine;
import io.esop.contracts.ValueTier;
import io.esop.contracts.order.ApprovalKind;
import io.esop.contracts.order.Milestone;
import io.esop.contracts.sla.ClockType;
import io.esop.contracts.sla.SlaPolicy;

/**
 * Picks the policy of a new clock: same clock type, value tier and product line; a policy naming the milestone
 * (or approval kind) beats the generic one. Among equals the newest effectiveFrom wins.
 */
public final class PolicyMatcher {

    private PolicyMatcher() {
    }

    public static Optional<SlaPolicy> match(Collection<SlaPolicy> policies, ClockType type, ValueTier tier,
            ProductLine line, Milestone milestone, ApprovalKind approvalKind) {
        return policies.stream()
                .filter(p -> p.clockType() == type && p.valueTier() == tier && p.productLine() == line)
                .filter(p -> p.milestone() == null || p.milestone() == milestone)
                .filter(p -> p.approvalKind() == null || p.approvalKind() == approvalKind)
                .max(Comparator.<SlaPolicy>comparingInt(p -> (p.milestone() != null ? 2 : 0)
                        + (p.approvalKind() != null ? 1 : 0))
                        .thenComparing(SlaPolicy::effectiveFrom)
                        .thenComparing(SlaPolicy::policyId));
    }
}

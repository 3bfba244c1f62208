package io.esop.contracts.sla;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.esop.contracts.EsopEvent;
import io.esop.contracts.EventKey;
import io.esop.contracts.Optional;
import io.esop.contracts.ProductLine;
import io.esop.contracts.Require;
import io.esop.contracts.ValueTier;
import io.esop.contracts.order.ApprovalKind;
import io.esop.contracts.order.Milestone;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A time limit for one kind of clock, value tier and product line. */
@JsonClassDescription("A time limit (时限) for one clock type, value tier and product line, published to a "
        + "compacted topic: the latest version per policyId is the truth, and a tombstone retires it. A clock uses "
        + "the policy in force when it starts and keeps it.")
public record SlaPolicy(
        @EventKey String policyId,
        @JsonPropertyDescription("Version of the policy, starting at 1; grows with every change.")
        int version,
        ValueTier valueTier,
        ProductLine productLine,
        ClockType clockType,
        @JsonPropertyDescription("For ORDER_MILESTONE: the milestone it limits; absent means every milestone "
                + "without a policy of its own.")
        @Optional Milestone milestone,
        @JsonPropertyDescription("For APPROVAL_DECISION: the approval kind it limits; absent means both.")
        @Optional ApprovalKind approvalKind,
        @JsonPropertyDescription("The time limit, counted in the calendar, ISO-8601 duration (e.g. PT4H).")
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        Duration target,
        @JsonPropertyDescription("A WARNING fires when this percentage of the target has elapsed.")
        @Optional(defaultValue = "80") int warningThresholdPercent,
        @JsonPropertyDescription("Escalation steps after the breach, by ascending level.")
        List<EscalationStep> escalations,
        BusinessCalendar calendar,
        @JsonPropertyDescription("Clocks starting at or after this moment use this version.")
        Instant effectiveFrom,
        @JsonPropertyDescription("When this version was published.")
        Instant occurredAt) implements EsopEvent {

    public static final int DEFAULT_WARNING_THRESHOLD_PERCENT = 80;

    public SlaPolicy {
        Require.nonNull(policyId, "policyId");
        Require.atLeast(version, 1, "version");
        Require.nonNull(valueTier, "valueTier");
        Require.nonNull(productLine, "productLine");
        Require.nonNull(clockType, "clockType");
        Require.nonNull(target, "target");
        Require.that(!target.isNegative() && !target.isZero(), "target must be positive");
        // An absent value reads as 0 from JSON; 0% would warn at once, so 0 means "not given".
        warningThresholdPercent = warningThresholdPercent == 0
                ? DEFAULT_WARNING_THRESHOLD_PERCENT
                : Require.between(warningThresholdPercent, 1, 99, "warningThresholdPercent");
        escalations = Require.list(escalations, "escalations");
        Require.nonNull(calendar, "calendar");
        Require.nonNull(effectiveFrom, "effectiveFrom");
        Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public String key() {
        return policyId;
    }
}

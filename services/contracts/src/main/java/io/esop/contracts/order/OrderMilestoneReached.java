package io.esop.contracts.order;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.esop.contracts.EsopEvent;
import io.esop.contracts.EventKey;
import io.esop.contracts.Optional;
import io.esop.contracts.ProductLine;
import io.esop.contracts.Require;
import io.esop.contracts.ValueTier;
import java.time.Instant;

/** The order's timeline advanced: a milestone started, completed or failed, or fulfilment was held or resumed. */
@JsonClassDescription("The order's timeline advanced: a milestone started, completed or failed, or fulfilment was "
        + "held or resumed. Published by the order service after it de-duplicated and ordered the raw progress "
        + "reports (esop.order-progress.v1). Drives the per-milestone SLA clocks and live order progress.")
public record OrderMilestoneReached(
        @EventKey String orderId,
        long sequence,
        @JsonPropertyDescription("The milestone; absent when kind is HELD or RESUMED.")
        @Optional Milestone milestone,
        ProgressKind kind,
        String customerId,
        ProductLine productLine,
        ValueTier valueTier,
        @JsonPropertyDescription("Staff id of the customer manager responsible for the order.")
        String ownerId,
        @JsonPropertyDescription("The fulfilment system that reported it, e.g. OSS-PROVISIONING.")
        @Optional String system,
        @JsonPropertyDescription("The eventId of the progress report this comes from.")
        @Optional String progressEventId,
        @Optional String detail,
        @JsonPropertyDescription("When the milestone event happened in fulfilment.")
        Instant occurredAt) implements EsopEvent {

    public OrderMilestoneReached {
        Require.nonNull(orderId, "orderId");
        Require.sequence(sequence, "sequence");
        Require.nonNull(kind, "kind");
        Require.that(milestone != null || !kind.needsMilestone(), kind + " needs a milestone");
        Require.nonNull(customerId, "customerId");
        Require.nonNull(productLine, "productLine");
        Require.nonNull(valueTier, "valueTier");
        Require.nonNull(ownerId, "ownerId");
        Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public String key() {
        return orderId;
    }
}

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

/** The order moved from one TMF622 state to another. */
@JsonClassDescription("The order moved from one TMF622 state to another. held pauses the order's SLA clocks, "
        + "inProgress resumes them, and a final state (completed, cancelled, failed, rejected, partial) stops them.")
public record OrderStateChanged(
        @EventKey String orderId,
        long sequence,
        OrderState from,
        OrderState to,
        @JsonPropertyDescription("Why, in words; e.g. the cause of a hold or a cancellation.")
        @Optional String reason,
        String customerId,
        ProductLine productLine,
        ValueTier valueTier,
        @JsonPropertyDescription("Staff id of the customer manager responsible for the order.")
        String ownerId,
        Instant occurredAt) implements EsopEvent {

    public OrderStateChanged {
        Require.nonNull(orderId, "orderId");
        Require.sequence(sequence, "sequence");
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
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

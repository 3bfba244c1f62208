package io.esop.contracts.order;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.esop.contracts.EsopEvent;
import io.esop.contracts.EventKey;
import io.esop.contracts.Optional;
import io.esop.contracts.ProductLine;
import io.esop.contracts.Require;
import io.esop.contracts.ValueTier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The order was fulfilled (TMF622 completed); stops its SLA clocks. */
@JsonClassDescription("The order was fulfilled: TMF622 state completed. Stops the order's SLA clocks.")
public record OrderCompleted(
        @EventKey String orderId,
        long sequence,
        String customerId,
        ProductLine productLine,
        ValueTier valueTier,
        @JsonPropertyDescription("Staff id of the customer manager responsible for the order.")
        String ownerId,
        @JsonPropertyDescription("Monthly recurring value in CNY.")
        BigDecimal monthlyValue,
        @JsonPropertyDescription("The day billing starts (起租), when known.")
        @Optional LocalDate billingStartDate,
        Instant occurredAt) implements EsopEvent {

    public OrderCompleted {
        Require.nonNull(orderId, "orderId");
        Require.sequence(sequence, "sequence");
        Require.nonNull(customerId, "customerId");
        Require.nonNull(productLine, "productLine");
        Require.nonNull(valueTier, "valueTier");
        Require.nonNull(ownerId, "ownerId");
        Require.nonNull(monthlyValue, "monthlyValue");
        Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public String key() {
        return orderId;
    }
}

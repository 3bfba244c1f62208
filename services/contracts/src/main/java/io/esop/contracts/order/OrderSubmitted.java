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

/** An order was submitted to fulfilment; starts the order's total SLA clock. */
@JsonClassDescription("An order (订单) was created from an approved application and submitted to fulfilment. "
        + "Starts the order's total SLA clock.")
public record OrderSubmitted(
        @EventKey String orderId,
        @JsonPropertyDescription("Per-order sequence number, starting at 1; a consumer ignores an event whose "
                + "sequence is not above the last one it applied.")
        long sequence,
        @JsonPropertyDescription("The application (申请单) the order comes from.")
        String applicationNo,
        @JsonPropertyDescription("The signed electronic agreement, if one was needed.")
        @Optional String agreementId,
        @JsonPropertyDescription("The opportunity the order comes from, if any.")
        @Optional String opportunityId,
        String customerId,
        ProductLine productLine,
        ValueTier valueTier,
        @JsonPropertyDescription("Staff id of the customer manager responsible for the order.")
        String ownerId,
        @Optional String teamId,
        @JsonPropertyDescription("Monthly recurring value in CNY.")
        BigDecimal monthlyValue,
        @JsonPropertyDescription("The TMF622 state the order starts in, normally acknowledged.")
        OrderState state,
        @JsonPropertyDescription("The completion date the customer asked for (TMF622 requestedCompletionDate).")
        @Optional LocalDate requestedCompletionDate,
        @JsonPropertyDescription("Staff id of who submitted it (customer manager or back office).")
        String submittedBy,
        Instant occurredAt) implements EsopEvent {

    public OrderSubmitted {
        Require.nonNull(orderId, "orderId");
        Require.sequence(sequence, "sequence");
        Require.nonNull(applicationNo, "applicationNo");
        Require.nonNull(customerId, "customerId");
        Require.nonNull(productLine, "productLine");
        Require.nonNull(valueTier, "valueTier");
        Require.nonNull(ownerId, "ownerId");
        Require.nonNull(monthlyValue, "monthlyValue");
        Require.nonNull(state, "state");
        Require.nonNull(submittedBy, "submittedBy");
        Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public String key() {
        return orderId;
    }
}

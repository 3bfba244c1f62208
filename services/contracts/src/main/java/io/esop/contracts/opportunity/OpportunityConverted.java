package io.esop.contracts.opportunity;

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

/** The opportunity was won and turned into an order application. */
@JsonClassDescription("The opportunity was won and turned into an order application (申请单) for a known customer; "
        + "the credit split decides whose results it counts for.")
public record OpportunityConverted(
        @EventKey String opportunityId,
        long sequence,
        @JsonPropertyDescription("The customer; a prospect has been registered as a customer by now.")
        String customerId,
        ProductLine productLine,
        ValueTier valueTier,
        @JsonPropertyDescription("Estimated monthly recurring value in CNY.")
        BigDecimal estimatedMonthlyValue,
        CreditSplit creditSplit,
        @JsonPropertyDescription("The application created from the opportunity, once there is one.")
        @Optional String applicationNo,
        Instant occurredAt) implements EsopEvent {

    public OpportunityConverted {
        Require.nonNull(opportunityId, "opportunityId");
        Require.sequence(sequence, "sequence");
        Require.nonNull(customerId, "customerId");
        Require.nonNull(productLine, "productLine");
        Require.nonNull(valueTier, "valueTier");
        Require.nonNull(estimatedMonthlyValue, "estimatedMonthlyValue");
        Require.nonNull(creditSplit, "creditSplit");
        Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public String key() {
        return opportunityId;
    }
}

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
import java.util.List;

/** The opportunity is open for bids from eligible customer managers until {@code closesAt}. */
@JsonClassDescription("The opportunity is open for bids (商机竞标) from the eligible customer managers until "
        + "closesAt. Stage becomes BIDDING; OpportunityAwarded follows.")
public record OpportunityBiddingOpened(
        @EventKey String opportunityId,
        long sequence,
        @JsonPropertyDescription("Bids are accepted until this moment.")
        Instant closesAt,
        @JsonPropertyDescription("Staff ids of the customer managers who may bid.")
        List<String> eligibleManagerIds,
        @JsonPropertyDescription("6-digit administrative division code (GB/T 2260), e.g. 310000.")
        String region,
        @Optional String customerId,
        ProductLine productLine,
        ValueTier valueTier,
        @JsonPropertyDescription("Estimated monthly recurring value in CNY.")
        BigDecimal estimatedMonthlyValue,
        Instant occurredAt) implements EsopEvent {

    public OpportunityBiddingOpened {
        Require.nonNull(opportunityId, "opportunityId");
        Require.sequence(sequence, "sequence");
        Require.nonNull(closesAt, "closesAt");
        eligibleManagerIds = Require.list(eligibleManagerIds, "eligibleManagerIds");
        Require.nonNull(region, "region");
        Require.nonNull(productLine, "productLine");
        Require.nonNull(valueTier, "valueTier");
        Require.nonNull(estimatedMonthlyValue, "estimatedMonthlyValue");
        Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public String key() {
        return opportunityId;
    }
}

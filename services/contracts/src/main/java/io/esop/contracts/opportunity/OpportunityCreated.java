package io.esop.contracts.opportunity;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.esop.contracts.EsopEvent;
import io.esop.contracts.EventKey;
import io.esop.contracts.Industry;
import io.esop.contracts.Optional;
import io.esop.contracts.ProductLine;
import io.esop.contracts.Require;
import io.esop.contracts.ValueTier;
import io.esop.contracts.signal.Intent;
import io.esop.contracts.signal.Prospect;
import io.esop.contracts.signal.SignalSource;
import java.math.BigDecimal;
import java.time.Instant;

/** A new opportunity, created from its first signal; stage NEW, no owner yet. */
@JsonClassDescription("A new opportunity (商机), created from its first signal. Its stage is NEW and it has no owner "
        + "yet: OpportunityAssigned or OpportunityBiddingOpened follows.")
public record OpportunityCreated(
        @EventKey String opportunityId,
        @JsonPropertyDescription("Per-opportunity sequence number, starting at 1; a consumer ignores an event whose "
                + "sequence is not above the last one it applied.")
        long sequence,
        @JsonPropertyDescription("The signal the opportunity was created from.")
        String signalId,
        SignalSource source,
        @JsonPropertyDescription("The known customer; absent for a prospect.")
        @Optional String customerId,
        @Optional Prospect prospect,
        @JsonPropertyDescription("6-digit administrative division code (GB/T 2260), e.g. 310000.")
        String region,
        @Optional Industry industry,
        ProductLine productLine,
        Intent intent,
        @JsonPropertyDescription("The customer's value tier; for a prospect, the opportunity service's estimate.")
        ValueTier valueTier,
        @JsonPropertyDescription("Opportunity score from 0 to 1, from the strength of its signals.")
        double score,
        @JsonPropertyDescription("The same score in points from 0 to 100, as people see it (REST view, score "
                + "breakdown); score is scorePoints / 100. Absent from events written before it was added.")
        @Optional Integer scorePoints,
        @JsonPropertyDescription("Estimated monthly recurring value in CNY.")
        BigDecimal estimatedMonthlyValue,
        Instant occurredAt) implements EsopEvent {

    public OpportunityCreated {
        Require.nonNull(opportunityId, "opportunityId");
        Require.sequence(sequence, "sequence");
        Require.nonNull(signalId, "signalId");
        Require.nonNull(source, "source");
        Require.that(customerId != null || prospect != null, "an opportunity names a customerId or a prospect");
        Require.nonNull(region, "region");
        Require.nonNull(productLine, "productLine");
        Require.nonNull(intent, "intent");
        Require.nonNull(valueTier, "valueTier");
        Require.between(score, 0.0, 1.0, "score");
        Require.that(scorePoints == null || (scorePoints >= 0 && scorePoints <= 100), "scorePoints: 0..100");
        Require.nonNull(estimatedMonthlyValue, "estimatedMonthlyValue");
        Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public String key() {
        return opportunityId;
    }
}

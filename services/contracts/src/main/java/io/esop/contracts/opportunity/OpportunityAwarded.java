package io.esop.contracts.opportunity;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.esop.contracts.EsopEvent;
import io.esop.contracts.EventKey;
import io.esop.contracts.Optional;
import io.esop.contracts.ProductLine;
import io.esop.contracts.Require;
import io.esop.contracts.ValueTier;
import java.time.Instant;

/** Bidding ended: the opportunity was awarded to a customer manager; starts the first-contact SLA clock. */
@JsonClassDescription("Bidding ended and the opportunity was awarded, by a sales director or by the system. "
        + "Stage becomes ASSIGNED; starts the first-contact SLA clock.")
public record OpportunityAwarded(
        @EventKey String opportunityId,
        long sequence,
        @JsonPropertyDescription("Staff id of the customer manager who won the bid and now owns the opportunity.")
        String winnerId,
        String teamId,
        @JsonPropertyDescription("Why this winner, for people and reports.")
        String reason,
        @JsonPropertyDescription("Staff id of the sales director who decided, or 'system'.")
        String awardedBy,
        CreditSplit creditSplit,
        @Optional String customerId,
        ProductLine productLine,
        ValueTier valueTier,
        Instant occurredAt) implements EsopEvent {

    public OpportunityAwarded {
        Require.nonNull(opportunityId, "opportunityId");
        Require.sequence(sequence, "sequence");
        Require.nonNull(winnerId, "winnerId");
        Require.nonNull(teamId, "teamId");
        Require.nonNull(reason, "reason");
        Require.nonNull(awardedBy, "awardedBy");
        Require.nonNull(creditSplit, "creditSplit");
        Require.nonNull(productLine, "productLine");
        Require.nonNull(valueTier, "valueTier");
        Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public String key() {
        return opportunityId;
    }
}

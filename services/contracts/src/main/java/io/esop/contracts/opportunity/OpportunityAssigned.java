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

/** The opportunity got an owner (automatically, or by a director); starts the first-contact SLA clock. */
@JsonClassDescription("The opportunity got an owner, automatically (account manager of the customer, territory, "
        + "skills, capacity) or by a sales director. Stage becomes ASSIGNED; starts the first-contact SLA clock.")
public record OpportunityAssigned(
        @EventKey String opportunityId,
        long sequence,
        @JsonPropertyDescription("Staff id of the customer manager who now owns the opportunity.")
        String ownerId,
        String teamId,
        @JsonPropertyDescription("Why this owner, for people and reports, e.g. 'account manager of the customer'.")
        String reason,
        @JsonPropertyDescription("Staff id of the director who assigned it; absent when the system did.")
        @Optional String assignedBy,
        CreditSplit creditSplit,
        @Optional String customerId,
        ProductLine productLine,
        ValueTier valueTier,
        Instant occurredAt) implements EsopEvent {

    public OpportunityAssigned {
        Require.nonNull(opportunityId, "opportunityId");
        Require.sequence(sequence, "sequence");
        Require.nonNull(ownerId, "ownerId");
        Require.nonNull(teamId, "teamId");
        Require.nonNull(reason, "reason");
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

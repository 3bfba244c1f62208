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

/** The opportunity moved from one stage to another. */
@JsonClassDescription("The opportunity moved from one stage to another. Reaching CONTACTED (or any later stage) "
        + "stops the first-contact SLA clock; LOST cancels it.")
public record OpportunityStageChanged(
        @EventKey String opportunityId,
        long sequence,
        OpportunityStage from,
        OpportunityStage to,
        @JsonPropertyDescription("Why, in words; e.g. the reason an opportunity was lost.")
        @Optional String reason,
        @JsonPropertyDescription("Staff id of the current owner, if any.")
        @Optional String ownerId,
        @JsonPropertyDescription("Staff id of who made the change; absent when the system did.")
        @Optional String changedBy,
        @Optional String customerId,
        ProductLine productLine,
        ValueTier valueTier,
        Instant occurredAt,
        @JsonPropertyDescription("The credit split in force once the opportunity has an owner, carried through to "
                + "the order; absent before that (and on events written before it was added).")
        @Optional CreditSplit creditSplit) implements EsopEvent {

    /** Without a credit split (an opportunity without owner; producers written before it was added). */
    public OpportunityStageChanged(String opportunityId, long sequence, OpportunityStage from, OpportunityStage to,
            String reason, String ownerId, String changedBy, String customerId, ProductLine productLine,
            ValueTier valueTier, Instant occurredAt) {
        this(opportunityId, sequence, from, to, reason, ownerId, changedBy, customerId, productLine, valueTier,
                occurredAt, null);
    }

    public OpportunityStageChanged {
        Require.nonNull(opportunityId, "opportunityId");
        Require.sequence(sequence, "sequence");
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        Require.nonNull(productLine, "productLine");
        Require.nonNull(valueTier, "valueTier");
        Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public String key() {
        return opportunityId;
    }
}

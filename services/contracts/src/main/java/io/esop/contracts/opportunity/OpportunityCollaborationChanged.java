package io.esop.contracts.opportunity;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.esop.contracts.EsopEvent;
import io.esop.contracts.EventKey;
import io.esop.contracts.Require;
import java.time.Instant;

/** A collaborator joined or left the opportunity, or the credit ratio changed. */
@JsonClassDescription("A collaborating customer manager joined or left the opportunity (商机协同), or the credit "
        + "ratio between owner and partner changed. Carries the whole new split.")
public record OpportunityCollaborationChanged(
        @EventKey String opportunityId,
        long sequence,
        CreditSplit creditSplit,
        @JsonPropertyDescription("Staff id of who made the change.")
        String changedBy,
        Instant occurredAt) implements EsopEvent {

    public OpportunityCollaborationChanged {
        Require.nonNull(opportunityId, "opportunityId");
        Require.sequence(sequence, "sequence");
        Require.nonNull(creditSplit, "creditSplit");
        Require.nonNull(changedBy, "changedBy");
        Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public String key() {
        return opportunityId;
    }
}

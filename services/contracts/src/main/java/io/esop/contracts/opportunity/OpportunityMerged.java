package io.esop.contracts.opportunity;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.esop.contracts.EsopEvent;
import io.esop.contracts.EventKey;
import io.esop.contracts.Optional;
import io.esop.contracts.Require;
import io.esop.contracts.signal.SignalSource;
import java.math.BigDecimal;
import java.time.Instant;

/** Another signal about an open opportunity was merged into it instead of creating a duplicate. */
@JsonClassDescription("Another signal about the same customer and product line was merged into this open "
        + "opportunity instead of creating a duplicate; score and estimated value are the new ones.")
public record OpportunityMerged(
        @EventKey String opportunityId,
        long sequence,
        @JsonPropertyDescription("The signal merged into the opportunity.")
        String signalId,
        SignalSource source,
        @JsonPropertyDescription("The opportunity's new score, from 0 to 1.")
        double score,
        @JsonPropertyDescription("The same score in points from 0 to 100, as people see it (REST view, score "
                + "breakdown); score is scorePoints / 100. Absent from events written before it was added.")
        @Optional Integer scorePoints,
        @JsonPropertyDescription("The new estimated monthly recurring value in CNY.")
        BigDecimal estimatedMonthlyValue,
        Instant occurredAt,
        @JsonPropertyDescription("The credit split in force once the opportunity has an owner, carried through to "
                + "the order; absent before that (and on events written before it was added).")
        @Optional CreditSplit creditSplit) implements EsopEvent {

    public OpportunityMerged {
        Require.nonNull(opportunityId, "opportunityId");
        Require.sequence(sequence, "sequence");
        Require.nonNull(signalId, "signalId");
        Require.nonNull(source, "source");
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

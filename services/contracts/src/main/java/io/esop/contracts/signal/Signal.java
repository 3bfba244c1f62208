package io.esop.contracts.signal;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.esop.contracts.EsopEvent;
import io.esop.contracts.EventKey;
import io.esop.contracts.Optional;
import io.esop.contracts.ProductLine;
import io.esop.contracts.Require;
import java.math.BigDecimal;
import java.time.Instant;

/** A hint that a customer or prospect may buy: the raw input of automatic opportunity collection. */
@JsonClassDescription("A hint that an enterprise customer or a prospect may buy (automatic opportunity collection, "
        + "商机自动采集). Names either a known customer (customerId) or a prospect, or both. The opportunity "
        + "service turns signals into opportunities or merges them into an open one. Keyed by the customer it is "
        + "about, so that one customer's signals stay in one partition, in order, and instances of the opportunity "
        + "service never merge into the same customer's opportunities at once.")
@EventKey(Signal.KEY)
public record Signal(
        String signalId,
        SignalSource source,
        @JsonPropertyDescription("The known customer; absent for a prospect.")
        @Optional String customerId,
        @JsonPropertyDescription("Who the signal is about when it is not (or not only) a known customer.")
        @Optional Prospect prospect,
        ProductLine productLine,
        Intent intent,
        @JsonPropertyDescription("How strong the signal is, from 0 (noise) to 1 (certain).")
        double strength,
        @JsonPropertyDescription("Estimated monthly recurring value in CNY.")
        BigDecimal estimatedMonthlyValue,
        @JsonPropertyDescription("When the source observed what the signal reports.")
        Instant observedAt,
        @JsonPropertyDescription("Free text for people: what was seen, said or asked.")
        @Optional String detail,
        @JsonPropertyDescription("Staff id of who captured it (field visit, portal back office); absent for systems.")
        @Optional String capturedBy,
        @JsonPropertyDescription("When the signal was raised.")
        Instant occurredAt) implements EsopEvent {

    public Signal {
        Require.nonNull(signalId, "signalId");
        Require.nonNull(source, "source");
        Require.that(customerId != null || prospect != null, "a signal names a customerId or a prospect");
        Require.nonNull(productLine, "productLine");
        Require.nonNull(intent, "intent");
        Require.between(strength, 0.0, 1.0, "strength");
        Require.nonNull(estimatedMonthlyValue, "estimatedMonthlyValue");
        Require.nonNull(observedAt, "observedAt");
        Require.nonNull(occurredAt, "occurredAt");
    }

    /** How {@link #key()} names the customer a signal is about. */
    public static final String KEY = "customerId, else prospect.creditCode, else prospect.contactPhone";

    /** The customer the signal is about: its id, else the prospect's credit code, else its contact phone. */
    @Override
    public String key() {
        if (customerId != null) {
            return customerId;
        }
        return prospect.creditCode() != null ? prospect.creditCode() : prospect.contactPhone();
    }
}

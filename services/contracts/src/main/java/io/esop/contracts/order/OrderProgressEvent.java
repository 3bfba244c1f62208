package io.esop.contracts.order;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.esop.contracts.EsopEvent;
import io.esop.contracts.EventKey;
import io.esop.contracts.Optional;
import io.esop.contracts.Require;
import java.time.Instant;

/** A raw progress report from a fulfilment system: may come twice, late, or out of order. */
@JsonClassDescription("A progress report from a fulfilment system (开通中心, construction, survey, billing), "
        + "produced outside ESOP. It may arrive twice, late or out of order: eventId de-duplicates it and "
        + "sequence (per order, from the fulfilment system) orders it.")
public record OrderProgressEvent(
        @JsonPropertyDescription("Unique id of this report; a resent report keeps its eventId.")
        String eventId,
        @EventKey String orderId,
        @JsonPropertyDescription("Per-order sequence number assigned by the fulfilment system, starting at 1.")
        long sequence,
        @JsonPropertyDescription("The milestone; required unless kind is HELD or RESUMED.")
        @Optional Milestone milestone,
        ProgressKind kind,
        @JsonPropertyDescription("When it happened in fulfilment.")
        Instant occurredAt,
        @JsonPropertyDescription("The reporting system, e.g. OSS-PROVISIONING.")
        String system,
        @Optional String detail) implements EsopEvent {

    public OrderProgressEvent {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(orderId, "orderId");
        Require.sequence(sequence, "sequence");
        Require.nonNull(kind, "kind");
        Require.that(milestone != null || !kind.needsMilestone(), kind + " needs a milestone");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(system, "system");
    }

    @Override
    public String key() {
        return orderId;
    }
}

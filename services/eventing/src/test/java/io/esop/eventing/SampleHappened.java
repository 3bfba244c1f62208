package io.esop.eventing;

import java.time.Instant;

import io.esop.contracts.EsopEvent;
import io.esop.contracts.EventKey;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A contracts-style event for the tests: keyed by its order, with its own time. */
@RegisterForReflection
public record SampleHappened(@EventKey String orderId, int n, Instant occurredAt) implements EsopEvent {

    @Override
    public String key() {
        return orderId;
    }
}

package io.esop.sla.clock.messaging;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Per subject (opportunity, order, application): the last applied sequence, and whether the order is held. */
@RegisterForReflection
public record AggregateState(long lastSequence, boolean held) {
}

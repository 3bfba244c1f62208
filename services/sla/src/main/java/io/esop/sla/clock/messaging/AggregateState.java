package io.esop.sla.clock.messaging;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Per subject (opportunity, order, application): the last applied sequence, whether the order is held, and the
 * owner's team when an event named it (an order's later events do not), so every clock of the subject carries it.
 */
@RegisterForReflection
public record AggregateState(long lastSequence, boolean held, String teamId) {

    AggregateState withSequence(long sequence) {
        return new AggregateState(sequence, held, teamId);
    }

    AggregateState withHeld(boolean isHeld) {
        return new AggregateState(lastSequence, isHeld, teamId);
    }

    AggregateState withTeam(String team) {
        return team == null ? this : new AggregateState(lastSequence, held, team);
    }
}

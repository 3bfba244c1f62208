package io.esop.order.order.rest;

import java.time.Instant;

import io.esop.contracts.order.Milestone;
import io.esop.contracts.order.ProgressKind;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One fulfilment report in an order's timeline. */
@RegisterForReflection
public record TimelineEntry(long sequence, Milestone milestone, ProgressKind kind, String system, String detail,
        Instant occurredAt, Instant receivedAt, String eventId) {
}

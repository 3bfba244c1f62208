package io.esop.opportunity.opportunity.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.LongFunction;

import jakarta.enterprise.context.ApplicationScoped;

import io.esop.contracts.EsopEvent;
import io.esop.contracts.EventType;
import io.esop.eventing.outbox.Outbox;
import io.esop.opportunity.opportunity.Opportunity;
import io.esop.opportunity.opportunity.TimelineEntry;
import io.smallrye.mutiny.Uni;

/**
 * Every change of an opportunity leaves through here: the next sequence number, a timeline line and the
 * event in the outbox, all in the caller's transaction (the opportunity row is locked or new, so the
 * sequence cannot be taken twice).
 */
@ApplicationScoped
public class OpportunityEvents {

    private final Outbox outbox;

    public OpportunityEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public <T extends EsopEvent> Uni<Void> emit(Opportunity opportunity, EventType<T> type, LongFunction<T> event,
            String actor, String summary) {
        long sequence = ++opportunity.sequence;
        T payload = event.apply(sequence);
        opportunity.updatedAt = now();
        return note(opportunity.id, sequence, type.name(), actor, summary)
                .chain(() -> outbox.append(type, payload))
                .replaceWithVoid();
    }

    /** A timeline line without an event (a bid, an invitation). */
    public Uni<Void> note(String opportunityId, Long sequence, String what, String actor, String summary) {
        TimelineEntry entry = new TimelineEntry();
        entry.opportunityId = opportunityId;
        entry.sequence = sequence;
        entry.eventType = what;
        entry.occurredAt = now();
        entry.actor = actor;
        entry.summary = summary;
        return entry.persist().replaceWithVoid();
    }

    /** PostgreSQL keeps microseconds; keyset cursors compare what was stored. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}

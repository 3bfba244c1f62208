package io.esop.opportunity.opportunity.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.EsopEvent;
import io.esop.contracts.EventType;
import io.esop.eventing.Transactions;
import io.esop.eventing.outbox.Outbox;
import io.esop.eventing.outbox.OutboxEntry;
import io.esop.opportunity.opportunity.Opportunity;
import io.esop.opportunity.opportunity.TimelineEntry;
import io.smallrye.mutiny.Uni;

/**
 * Every change of an opportunity leaves through here: the next sequence number, a timeline line and the
 * event in the outbox, all in the caller's transaction (the opportunity row is locked or new, so the
 * sequence cannot be taken twice). A batch of signals collects its events in a {@link Batch} and writes
 * them with two statements at the end ({@link #write(Batch)}).
 */
@ApplicationScoped
public class OpportunityEvents {

    // timeline lines of a batch as one JSON array, inserted in array order (the timeline reads by id)
    private static final String INSERT_TIMELINE = """
            insert into opportunity_timeline (opportunity_id, sequence, event_type, occurred_at, actor, summary)
            select r.opportunity_id, r.sequence, r.event_type, cast(r.occurred_at as timestamptz), r.actor, r.summary
            from rows from (jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                     as (opportunity_id text, sequence bigint, event_type text, occurred_at text, actor text,
                         summary text)) with ordinality
                 as r(opportunity_id, sequence, event_type, occurred_at, actor, summary, n)
            order by r.n""";

    private final Outbox outbox;
    private final ObjectMapper objectMapper;

    public OpportunityEvents(Outbox outbox, ObjectMapper objectMapper) {
        this.outbox = outbox;
        this.objectMapper = objectMapper;
    }

    /** The events of one batch, in the order they happened; nothing is written until {@link #write(Batch)}. */
    public final class Batch {

        private final List<Map<String, Object>> timeline = new ArrayList<>();
        private final List<OutboxEntry> entries = new ArrayList<>();

        /** As {@link OpportunityEvents#emit}, held in memory. */
        public <T extends EsopEvent> void emit(Opportunity opportunity, EventType<T> type, LongFunction<T> event,
                String actor, String summary) {
            long sequence = ++opportunity.sequence;
            T payload = event.apply(sequence);
            Instant now = now();
            opportunity.updatedAt = now;
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("opportunity_id", opportunity.id);
            line.put("sequence", sequence);
            line.put("event_type", type.name());
            line.put("occurred_at", now.toString());
            line.put("actor", actor);
            line.put("summary", summary);
            timeline.add(line);
            entries.add(outbox.entry(type, payload));
        }

        public int size() {
            return entries.size();
        }
    }

    public Batch batch() {
        return new Batch();
    }

    /** Writes a batch's timeline lines and events (two statements), in the caller's transaction. */
    public Uni<Void> write(Batch batch) {
        if (batch.entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Transactions.currentTransactionalSession("OpportunityEvents.write")
                .chain(session -> session.createNativeQuery(INSERT_TIMELINE)
                        .setParameter("rows", json(batch.timeline))
                        .executeUpdate())
                .chain(() -> outbox.appendAll(batch.entries))
                .replaceWithVoid();
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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

package io.esop.eventing.outbox;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.EsopEvent;
import io.esop.contracts.EventType;
import io.esop.eventing.Transactions;
import io.smallrye.mutiny.Uni;

/**
 * Writes events into {@code esop_outbox} in the caller's reactive transaction, so that a state change
 * and its events commit (or roll back) together. {@link OutboxRelay} publishes them after commit: a
 * trigger on the table sends {@code NOTIFY esop_outbox}, which PostgreSQL delivers only on commit.
 *
 * <pre>{@code
 * @WithTransaction
 * Uni<Order> accept(Order order) {
 *     order.state = ACKNOWLEDGED;
 *     return order.persist().call(() -> outbox.append(EventTypes.ORDER_STATE_CHANGED, stateChanged(order)));
 * }
 * }</pre>
 *
 * Called outside a transaction, every method fails with {@link IllegalStateException}.
 */
@ApplicationScoped
public class Outbox {

    // The JSON goes in as text and is parsed by PostgreSQL: a String bound to a jsonb parameter directly
    // would be stored as one JSON string.
    private static final String INSERT = """
            insert into esop_outbox (event_id, topic, message_key, event_type, subject, payload, headers, created_at)
            values (:eventId, :topic, :key, :type, :subject, cast(cast(:payload as text) as jsonb),
                    cast(cast(:headers as text) as jsonb),
                    coalesce(cast(cast(:time as text) as timestamptz), clock_timestamp()))""";

    // One statement for a list: the rows travel as one JSON array, in order (seq follows the array's order). Each
    // payload is embedded as JSON, not as a string holding JSON: parsed once, nothing escaped and unescaped.
    private static final String INSERT_ALL = """
            insert into esop_outbox (event_id, topic, message_key, event_type, subject, payload, headers, created_at)
            select cast(r.event_id as uuid), r.topic, r.message_key, r.event_type, r.subject, r.payload, r.headers,
                   coalesce(cast(r.created_at as timestamptz), clock_timestamp())
            from rows from (jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                     as (event_id text, topic text, message_key text, event_type text, subject text, payload jsonb,
                         headers jsonb, created_at text)) with ordinality
                 as r(event_id, topic, message_key, event_type, subject, payload, headers, created_at, n)
            order by r.n""";

    private final ObjectMapper objectMapper;

    public Outbox(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /**
     * Appends an event whose JSON value is {@code payload} serialized by the application's ObjectMapper.
     *
     * @return the event id, published as {@code ce_id}
     */
    public Uni<UUID> append(String topic, String key, String type, String subject, Object payload) {
        if (payload == null) {
            return Uni.createFrom().failure(new IllegalArgumentException(
                    "payload is null; use tombstone(topic, key, type) to delete a key from a compacted topic"));
        }
        return Uni.createFrom().item(() -> toJson(payload))
                .chain(json -> append(new OutboxEntry(topic, key, type, subject, json, null)));
    }

    /**
     * Appends a contracts event: topic and {@code ce_type} from {@code type}, Kafka key and
     * {@code ce_subject} from {@link EsopEvent#key()}, {@code ce_time} from {@link EsopEvent#occurredAt()}.
     *
     * @return the event id, published as {@code ce_id}
     */
    public <T extends EsopEvent> Uni<UUID> append(EventType<T> type, T event) {
        if (event == null || !type.payload().isInstance(event)) {
            return Uni.createFrom().failure(new IllegalArgumentException(
                    type.name() + " carries " + type.payload().getName() + ", not " + event));
        }
        return Uni.createFrom().item(() -> toJson(event))
                .chain(json -> append(new OutboxEntry(type.topic(), event.key(), type.name(), event.key(),
                        event.occurredAt(), json, null)));
    }

    /**
     * The entry {@link #append(EventType, EsopEvent)} writes, for {@link #appendAll(List)}: topic and type from
     * {@code type}, key and subject from {@link EsopEvent#key()}, time from {@link EsopEvent#occurredAt()}.
     */
    public <T extends EsopEvent> OutboxEntry entry(EventType<T> type, T event) {
        if (event == null || !type.payload().isInstance(event)) {
            throw new IllegalArgumentException(type.name() + " carries " + type.payload().getName() + ", not " + event);
        }
        return new OutboxEntry(type.topic(), event.key(), type.name(), event.key(), event.occurredAt(), toJson(event),
                null);
    }

    /**
     * Appends many entries with one statement (a batch consumer's events), in list order, in the caller's
     * transaction.
     *
     * @return the event ids, in list order
     */
    public Uni<List<UUID>> appendAll(List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Transactions.currentTransactionalSession("Outbox.appendAll")
                .chain(session -> {
                    List<UUID> ids = new ArrayList<>(entries.size());
                    entries.forEach(entry -> ids.add(UUID.randomUUID()));
                    return session.createNativeQuery(INSERT_ALL)
                            .setParameter("rows", rowsJson(entries, ids))
                            .executeUpdate()
                            .replaceWith(ids);
                });
    }

    /** The entries as one JSON array of rows, the payloads (already JSON) written in place. */
    private String rowsJson(List<OutboxEntry> entries, List<UUID> ids) {
        StringWriter out = new StringWriter(entries.size() * 512);
        try (JsonGenerator json = objectMapper.getFactory().createGenerator(out)) {
            json.writeStartArray();
            for (int i = 0; i < entries.size(); i++) {
                OutboxEntry entry = entries.get(i);
                json.writeStartObject();
                json.writeStringField("event_id", ids.get(i).toString());
                json.writeStringField("topic", entry.topic());
                json.writeStringField("message_key", entry.key());
                json.writeStringField("event_type", entry.type());
                json.writeStringField("subject", entry.subject());
                json.writeFieldName("payload");
                if (entry.payloadJson() == null) {
                    json.writeNull();
                } else {
                    json.writeRawValue(entry.payloadJson());
                }
                json.writeFieldName("headers");
                if (entry.headers().isEmpty()) {
                    json.writeNull();
                } else {
                    json.writeObject(entry.headers());
                }
                json.writeStringField("created_at", entry.time() == null ? null : entry.time().toString());
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Appends a tombstone for {@code key} on the topic of {@code type}. */
    public Uni<UUID> tombstone(EventType<?> type, String key) {
        return tombstone(type.topic(), key, type.name());
    }

    /** Appends a tombstone (null value): on a compacted topic the key's history is dropped. */
    public Uni<UUID> tombstone(String topic, String key, String type) {
        if (key == null) {
            return Uni.createFrom().failure(new IllegalArgumentException("a tombstone needs a key"));
        }
        return append(new OutboxEntry(topic, key, type, key, null, null));
    }

    /** Appends a fully prepared entry (pre-serialized payload, extra headers). */
    public Uni<UUID> append(OutboxEntry entry) {
        return Transactions.currentTransactionalSession("Outbox.append")
                .chain(session -> insert(session, entry));
    }

    private Uni<UUID> insert(Mutiny.Session session, OutboxEntry entry) {
        UUID eventId = UUID.randomUUID();
        String headers = entry.headers().isEmpty() ? null : toJson(entry.headers());
        return session.createNativeQuery(INSERT)
                .setParameter("eventId", eventId)
                .setParameter("topic", entry.topic())
                .setParameter("key", entry.key())
                .setParameter("type", entry.type())
                .setParameter("subject", entry.subject())
                .setParameter("payload", entry.payloadJson())
                .setParameter("headers", headers)
                .setParameter("time", entry.time() == null ? null : entry.time().toString())
                .executeUpdate()
                .replaceWith(eventId);
    }

    private String toJson(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + value.getClass().getName() + " to JSON", e);
        }
    }
}

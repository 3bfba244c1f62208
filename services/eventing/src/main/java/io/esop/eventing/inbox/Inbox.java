package io.esop.eventing.inbox;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.eventing.Transactions;
import io.smallrye.mutiny.Uni;

/**
 * Idempotent consumption: records that {@code consumer} processed {@code eventId} in the caller's
 * transaction. The caller applies its effect only when this is the first delivery, in the same
 * transaction, and acknowledges the Kafka record after commit; a redelivery then finds the row and
 * changes nothing.
 *
 * <pre>{@code
 * Uni<Void> handle(ConsumerRecord<String, byte[]> record) {
 *     String eventId = CloudEventHeaders.id(record.headers());
 *     return Panache.withTransaction(() -> inbox.firstDelivery("order-progress", eventId)
 *             .chain(first -> first ? apply(record) : Uni.createFrom().voidItem()));
 *     // ack / commit the offset only after this Uni completes
 * }
 * }</pre>
 */
@ApplicationScoped
public class Inbox {

    private static final String INSERT = """
            insert into esop_inbox (consumer, event_id) values (:consumer, :eventId)
            on conflict do nothing""";

    /**
     * @return true when this is the first delivery of the event to this consumer (do the effect), false
     *         for a redelivery (do nothing). Fails outside a transaction.
     */
    public Uni<Boolean> firstDelivery(String consumer, String eventId) {
        if (consumer == null || consumer.isBlank() || eventId == null || eventId.isBlank()) {
            return Uni.createFrom().failure(new IllegalArgumentException(
                    "consumer and eventId are required (eventId is the ce_id header; a record without one is a dead letter)"));
        }
        return Transactions.currentTransactionalSession("Inbox.firstDelivery")
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("consumer", consumer)
                        .setParameter("eventId", eventId)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String INSERT_ALL = """
            insert into esop_inbox (consumer, event_id)
            select :consumer, e from jsonb_array_elements_text(cast(cast(:ids as text) as jsonb)) as e
            on conflict do nothing
            returning event_id""";

    /**
     * {@link #firstDelivery} for many events with one statement (a batch consumer).
     *
     * @return the ids among {@code eventIds} delivered for the first time
     */
    public Uni<Set<String>> firstDeliveries(String consumer, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        if (consumer == null || consumer.isBlank() || eventIds.stream().anyMatch(id -> id == null || id.isBlank())) {
            return Uni.createFrom().failure(new IllegalArgumentException("consumer and every eventId are required"));
        }
        String ids;
        try {
            ids = JSON.writeValueAsString(new LinkedHashSet<>(eventIds));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Transactions.currentTransactionalSession("Inbox.firstDeliveries")
                .chain(session -> session.createNativeQuery(INSERT_ALL, String.class)
                        .setParameter("consumer", consumer)
                        .setParameter("ids", ids)
                        .getResultList())
                .map(HashSet::new);
    }
}

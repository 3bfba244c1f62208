package io.esop.opportunity.readmodel.messaging;


import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.Topics;
import io.esop.contracts.customer.CustomerSnapshot;
import io.esop.contracts.staff.StaffSnapshot;
import io.esop.eventing.deadletter.DeadLetterSource;
import io.esop.eventing.deadletter.DeadLetters;
import io.esop.opportunity.readmodel.repository.ReadModelWriter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Keeps the local read models of customers and staff. Idempotent by version (an older or repeated
 * snapshot changes nothing), so no inbox is needed; unreadable snapshots go to the dead letters.
 */
@ApplicationScoped
public class SnapshotConsumer {

    static final String CUSTOMERS = "opportunity.customers";
    static final String STAFF = "opportunity.staff";

    private final ReadModelWriter writer;
    private final DeadLetters deadLetters;
    private final ObjectMapper objectMapper;

    SnapshotConsumer(ReadModelWriter writer, DeadLetters deadLetters, ObjectMapper objectMapper) {
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.objectMapper = objectMapper;
    }

    @Incoming("customers-in")
    public Uni<Void> customer(Message<byte[]> message) {
        return handle(message, CUSTOMERS, CustomerSnapshot.class, writer::upsert, writer::deleteCustomer);
    }

    @Incoming("staff-in")
    public Uni<Void> staff(Message<byte[]> message) {
        return handle(message, STAFF, StaffSnapshot.class, writer::upsert, writer::deleteStaff);
    }

    private <T> Uni<Void> handle(Message<byte[]> message, String consumer, Class<T> type,
            java.util.function.Function<T, Uni<Boolean>> upsert, java.util.function.Function<String, Uni<Boolean>> delete) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        String key = kafka.getKey() == null ? null : kafka.getKey().toString();
        byte[] value = message.getPayload();
        return Panache.withTransaction(() -> {
            if (value == null) {
                return key == null ? Uni.createFrom().voidItem() : delete.apply(key).replaceWithVoid();
            }
            T snapshot;
            try {
                snapshot = objectMapper.readValue(value, type);
            } catch (Exception e) {
                return deadLetters.send(Topics.OPPORTUNITY_DLQ, consumer, DeadLetterSource.of(kafka.getTopic(),
                        kafka.getPartition(), kafka.getOffset(), key, value, kafka.getHeaders()),
                        "unreadable " + type.getSimpleName() + ": " + e.getMessage()).replaceWithVoid();
            }
            return upsert.apply(snapshot).invoke(applied -> Log.debugf("%s %s applied=%s", type.getSimpleName(), key, applied))
                    .replaceWithVoid();
        }).chain(() -> Uni.createFrom().completionStage(message.ack()));
    }
}

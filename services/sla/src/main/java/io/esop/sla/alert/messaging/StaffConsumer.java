package io.esop.sla.alert.messaging;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.Topics;
import io.esop.contracts.staff.StaffSnapshot;
import io.esop.eventing.deadletter.DeadLetterSource;
import io.esop.eventing.deadletter.DeadLetters;
import io.esop.sla.alert.StaffMember;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * The staff directory read model (team, director). Snapshots carry a version and only a higher one replaces the
 * row, so redelivery and replays are harmless without an inbox row per snapshot.
 */
@ApplicationScoped
public class StaffConsumer {

    static final String CONSUMER = "sla.staff";

    private final DeadLetters deadLetters;
    private final ObjectMapper mapper;

    StaffConsumer(DeadLetters deadLetters, ObjectMapper mapper) {
        this.deadLetters = deadLetters;
        this.mapper = mapper;
    }

    @Incoming("staff-in")
    public Uni<Void> consume(Message<byte[]> message) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        byte[] value = message.getPayload();
        return Panache.withTransaction(() -> {
            if (value == null) {
                return StaffMember.deleteById(kafka.getKey()).replaceWithVoid();
            }
            StaffSnapshot staff;
            try {
                staff = mapper.readValue(value, StaffSnapshot.class);
            } catch (IOException | RuntimeException e) {
                return deadLetters.send(Topics.SLA_DLQ, CONSUMER, DeadLetterSource.of(kafka.getTopic(),
                        kafka.getPartition(), kafka.getOffset(), (String) kafka.getKey(), value, kafka.getHeaders()),
                        "unreadable esop.staff.snapshot.v1: " + e.getMessage()).replaceWithVoid();
            }
            return StaffMember.<StaffMember>findById(staff.staffId()).chain(row -> {
                if (row != null && row.version > staff.version()) {
                    return Uni.createFrom().voidItem();
                }
                StaffMember m = row != null ? row : new StaffMember();
                m.staffId = staff.staffId();
                m.teamId = staff.teamId();
                m.directorId = staff.directorId();
                m.role = staff.role().name();
                m.version = staff.version();
                return (row != null ? Uni.createFrom().item(m) : m.<StaffMember>persist()).replaceWithVoid();
            });
        }).chain(() -> Uni.createFrom().completionStage(message.ack()));
    }
}

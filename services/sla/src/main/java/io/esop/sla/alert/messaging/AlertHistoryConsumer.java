package io.esop.sla.alert.messaging;

import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.Topics;
import io.esop.contracts.sla.SlaAlert;
import io.esop.eventing.CloudEventHeaders;
import io.esop.eventing.deadletter.DeadLetterSource;
import io.esop.eventing.deadletter.DeadLetters;
import io.esop.eventing.inbox.Inbox;
import io.esop.sla.alert.AlertRecord;
import io.esop.sla.alert.StaffMember;
import io.esop.sla.policy.PolicyVersion;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;

/** Keeps the alert history: each alert once (inbox in the same transaction), acknowledged after commit. */
@ApplicationScoped
public class AlertHistoryConsumer {

    static final String CONSUMER = "sla.alert-history";

    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final ObjectMapper mapper;

    AlertHistoryConsumer(Inbox inbox, DeadLetters deadLetters, ObjectMapper mapper) {
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.mapper = mapper;
    }

    /**
     * One database transaction per polled batch (up to {@code max.poll.records}): a burst of 100,000 alerts costs
     * a few hundred commits, not 100,000, which leaves the CPU to the engine that is firing them. Each alert is
     * still recorded once (inbox by {@code ce_id}, then by alertId); the batch is acknowledged after the commit.
     */
    @Incoming("sla-alerts-in")
    public Uni<Void> consume(Message<List<byte[]>> batch) {
        IncomingKafkaRecordBatchMetadata<String, byte[]> metadata = batch
                .getMetadata(IncomingKafkaRecordBatchMetadata.class).orElseThrow();
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        metadata.getRecords().forEach(records::add);
        return Panache.withTransaction(() -> Multi.createFrom().iterable(records)
                .onItem().transformToUniAndConcatenate(this::recordOnce)
                .collect().last())
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    private Uni<Void> recordOnce(ConsumerRecord<String, byte[]> kafka) {
        String eventId = Optional.ofNullable(CloudEventHeaders.id(kafka.headers()))
                .orElse(kafka.topic() + "/" + kafka.partition() + "/" + kafka.offset());
        return inbox.firstDelivery(CONSUMER, eventId)
                .chain(first -> first ? apply(kafka.value(), kafka) : Uni.createFrom().voidItem());
    }

    private Uni<Void> apply(byte[] value, ConsumerRecord<String, byte[]> kafka) {
        SlaAlert alert;
        try {
            alert = mapper.readValue(value, SlaAlert.class);
        } catch (IOException | RuntimeException e) {
            return deadLetters.send(Topics.SLA_DLQ, CONSUMER, DeadLetterSource.of(kafka.topic(),
                    kafka.partition(), kafka.offset(), kafka.key(), value, kafka.headers()),
                    "unreadable esop.sla.alert.v1: " + e.getMessage()).replaceWithVoid();
        }
        return AlertRecord.<AlertRecord>findById(alert.alertId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem(); // the same alert re-sent under another ce_id
            }
            if (alert.teamId() != null && alert.valueTier() != null && alert.productLine() != null) {
                // the alert names team, tier and line itself: two lookups fewer per alert during a burst
                return record(alert, alert.teamId(), alert.valueTier().name(), alert.productLine().name()).persist()
                        .replaceWithVoid();
            }
            return StaffMember.<StaffMember>findById(alert.responsibleUserId())
                    .chain(staff -> PolicyVersion.<PolicyVersion>find("policyId = ?1 and version = ?2",
                            alert.policyId(), alert.policyVersion()).firstResult()
                            .chain(policy -> record(alert,
                                    alert.teamId() != null ? alert.teamId() : staff == null ? null : staff.teamId,
                                    policy == null ? null : policy.valueTier,
                                    policy == null ? null : policy.productLine).persist()))
                    .replaceWithVoid();
        });
    }

    private static AlertRecord record(SlaAlert a, String teamId, String valueTier, String productLine) {
        AlertRecord r = new AlertRecord();
        r.alertId = a.alertId();
        r.clockId = a.clockId();
        r.clockType = a.clockType().name();
        r.kind = a.kind().name();
        r.level = a.level();
        r.subjectType = a.subjectType().name();
        r.subjectId = a.subjectId();
        r.milestone = a.milestone() == null ? null : a.milestone().name();
        r.customerId = a.customerId();
        r.responsibleUserId = a.responsibleUserId();
        r.teamId = teamId;
        r.notifyRole = a.notifyRole() == null ? null : a.notifyRole().name();
        r.dueAt = a.dueAt().truncatedTo(ChronoUnit.MICROS);
        r.firedAt = a.firedAt().truncatedTo(ChronoUnit.MICROS);
        r.occurredAt = a.occurredAt().truncatedTo(ChronoUnit.MICROS);
        r.policyId = a.policyId();
        r.policyVersion = a.policyVersion();
        r.valueTier = valueTier;
        r.productLine = productLine;
        return r;
    }
}

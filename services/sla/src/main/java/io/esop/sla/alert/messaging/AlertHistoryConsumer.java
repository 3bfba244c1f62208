package io.esop.sla.alert.messaging;

import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

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
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

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

    @Incoming("sla-alerts-in")
    public Uni<Void> consume(Message<byte[]> message) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        String eventId = Optional.ofNullable(CloudEventHeaders.id(kafka.getHeaders()))
                .orElse(kafka.getTopic() + "/" + kafka.getPartition() + "/" + kafka.getOffset());
        return Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, eventId)
                .chain(first -> first ? apply(message.getPayload(), kafka) : Uni.createFrom().voidItem()))
                .chain(() -> Uni.createFrom().completionStage(message.ack()));
    }

    private Uni<Void> apply(byte[] value, IncomingKafkaRecordMetadata<?, ?> kafka) {
        SlaAlert alert;
        try {
            alert = mapper.readValue(value, SlaAlert.class);
        } catch (IOException | RuntimeException e) {
            return deadLetters.send(Topics.SLA_DLQ, CONSUMER, DeadLetterSource.of(kafka.getTopic(),
                    kafka.getPartition(), kafka.getOffset(), (String) kafka.getKey(), value, kafka.getHeaders()),
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

package io.esop.order.order.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.Topics;
import io.esop.contracts.order.OrderProgressEvent;
import io.esop.eventing.deadletter.DeadLetters;
import io.esop.eventing.inbox.Inbox;
import io.esop.order.common.messaging.Records;
import io.esop.order.order.service.ProgressRecorder;
import io.esop.order.order.service.ProgressRecorder.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Fulfilment progress from esop.order-progress.v1. De-duplicated by the report's own {@code eventId} (a resend
 * keeps it, whatever its ce_id) in the inbox, in the same transaction as the effect; acknowledged after commit.
 * An unreadable report or one for an unknown order goes to esop.order.dlq.v1 with the reason.
 */
@ApplicationScoped
public class ProgressConsumer {

    static final String CONSUMER = "order.order-progress";

    private final ObjectMapper objectMapper;
    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final ProgressRecorder recorder;
    private final MeterRegistry registry;

    public ProgressConsumer(ObjectMapper objectMapper, Inbox inbox, DeadLetters deadLetters, ProgressRecorder recorder,
            MeterRegistry registry) {
        this.objectMapper = objectMapper;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.recorder = recorder;
        this.registry = registry;
    }

    @Incoming("order-progress-in")
    public Uni<Void> consume(Message<byte[]> message) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        byte[] value = message.getPayload();
        OrderProgressEvent event;
        String failure;
        try {
            event = value == null ? null : objectMapper.readValue(value, OrderProgressEvent.class);
            failure = event == null ? "empty value" : null;
        } catch (Exception e) {
            event = null;
            failure = "unreadable progress report: " + e.getMessage();
        }
        OrderProgressEvent report = event;
        String position = Records.position(kafka);
        String inboxId = report != null ? "progress:" + report.eventId() : "record:" + position;
        String readFailure = failure;
        return Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, inboxId).chain(first -> {
            if (!first) {
                count("duplicate");
                return Uni.createFrom().voidItem();
            }
            if (report == null) {
                return deadLetter(kafka, value, readFailure);
            }
            return recorder.record(report).chain(outcome -> {
                count(outcome.name().toLowerCase());
                return outcome == Outcome.UNKNOWN_ORDER
                        ? deadLetter(kafka, value, "unknown order " + report.orderId())
                        : Uni.createFrom().voidItem();
            });
        }))
                // a transient failure (database, a concurrent writer of the same order) retries, then fails the
                // channel without acknowledging, so the record is redelivered after a restart
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).atMost(10)
                .chain(() -> Uni.createFrom().completionStage(message.ack()));
    }

    private Uni<Void> deadLetter(IncomingKafkaRecordMetadata<?, ?> kafka, byte[] value, String reason) {
        Log.warnf("Dead-lettering progress report %s/%d/%d: %s", kafka.getTopic(), kafka.getPartition(),
                kafka.getOffset(), reason);
        return deadLetters.send(Topics.ORDER_DLQ, CONSUMER, Records.source(kafka, value), reason).replaceWithVoid();
    }

    private void count(String outcome) {
        registry.counter("esop.order.progress.reports", "outcome", outcome).increment();
    }
}

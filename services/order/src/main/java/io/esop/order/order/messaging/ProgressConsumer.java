package io.esop.order.order.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.Topics;
import io.esop.contracts.order.OrderProgressEvent;
import io.esop.eventing.deadletter.DeadLetterSource;
import io.esop.eventing.deadletter.DeadLetters;
import io.esop.eventing.inbox.Inbox;
import io.esop.order.common.messaging.Records;
import io.esop.order.order.service.ProgressRecorder;
import io.esop.order.order.service.ProgressRecorder.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;

/**
 * Fulfilment progress from esop.order-progress.v1, a polled batch per transaction. De-duplicated by the report's
 * own {@code eventId} (a resend keeps it, whatever its ce_id) in the inbox, in the same transaction as the effect;
 * acknowledged after commit.
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

    /** One record of a batch, read: a report, or why it cannot be read; its inbox id either way. */
    private record Item(ConsumerRecord<String, byte[]> record, String inboxId, OrderProgressEvent report,
            String unreadable) {
    }

    /**
     * A polled batch (up to {@code max.poll.records}) in one transaction: the inbox marks of its reports in one
     * statement, then its first-delivered reports together ({@link ProgressRecorder#recordAll}: a few statements for
     * the batch, two reports of one order applied one after the other), then its dead letters in one statement;
     * acknowledged after the commit. A burst of reports costs a commit and a few statements per batch, not a
     * round trip per report.
     */
    @Incoming("order-progress-in")
    public Uni<Void> consume(Message<List<byte[]>> batch) {
        IncomingKafkaRecordBatchMetadata<String, byte[]> metadata = batch
                .getMetadata(IncomingKafkaRecordBatchMetadata.class).orElseThrow();
        List<Item> items = new ArrayList<>();
        metadata.getRecords().forEach(record -> items.add(read(record)));
        if (items.isEmpty()) {
            return Uni.createFrom().completionStage(batch.ack());
        }
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> inbox
                .firstDeliveries(CONSUMER, items.stream().map(Item::inboxId).toList())
                .chain(first -> {
                    List<DeadLetterSource> dead = new ArrayList<>();
                    List<String> reasons = new ArrayList<>();
                    List<Item> reports = new ArrayList<>();
                    for (Item item : items) {
                        if (!first.remove(item.inboxId())) { // delivered before, or twice in this batch
                            count("duplicate");
                        } else if (item.report() == null) {
                            dead.add(Records.source(item.record()));
                            reasons.add(item.unreadable());
                        } else {
                            reports.add(item);
                        }
                    }
                    return recorder.recordAll(reports.stream().map(Item::report).toList()).chain(outcomes -> {
                        for (int i = 0; i < outcomes.size(); i++) {
                            Outcome outcome = outcomes.get(i);
                            count(outcome.name().toLowerCase());
                            if (outcome == Outcome.UNKNOWN_ORDER) {
                                dead.add(Records.source(reports.get(i).record()));
                                reasons.add("unknown order " + reports.get(i).report().orderId());
                            }
                        }
                        return deadLetters(dead, reasons);
                    });
                })))
                // a transient failure (database, a concurrent writer of the same order) retries the batch (the inbox
                // makes a retry change nothing twice), then fails the channel without acknowledging, so the records
                // are redelivered after a restart
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).atMost(10)
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    private Item read(ConsumerRecord<String, byte[]> record) {
        byte[] value = record.value();
        try {
            OrderProgressEvent report = value == null ? null : objectMapper.readValue(value, OrderProgressEvent.class);
            if (report != null) {
                return new Item(record, "progress:" + report.eventId(), report, null);
            }
            return new Item(record, "record:" + Records.position(record), null, "empty value");
        } catch (Exception e) {
            return new Item(record, "record:" + Records.position(record), null,
                    "unreadable progress report: " + e.getMessage());
        }
    }

    /** One outbox statement for the batch's dead letters (DeadLetters counts and logs each). */
    private Uni<Void> deadLetters(List<DeadLetterSource> dead, List<String> reasons) {
        return deadLetters.sendAll(Topics.ORDER_DLQ, CONSUMER, dead, reasons).replaceWithVoid();
    }

    private void count(String outcome) {
        registry.counter("esop.order.progress.reports", "outcome", outcome).increment();
    }
}

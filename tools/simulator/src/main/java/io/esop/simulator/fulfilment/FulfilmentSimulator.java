package io.esop.simulator.fulfilment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.CloudEvents;
import io.esop.contracts.EsopJson;
import io.esop.contracts.EventTypes;
import io.esop.contracts.order.OrderProgressEvent;
import io.esop.contracts.order.OrderSubmitted;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;

/**
 * Plays the operator's fulfilment system: for every order submitted on esop.orders.v1 it reports the
 * milestones on esop.order-progress.v1 over time, the way real systems do — late, out of order,
 * sometimes twice, with holds. It is a stand-in, so it keeps its plans in memory: orders in flight
 * when it stops are not reported on further.
 */
@ApplicationScoped
public class FulfilmentSimulator {

    private final MutinyEmitter<String> progress;
    private final FulfilmentConfig config;
    private final Vertx vertx;
    private final Random random;
    private final ObjectMapper json = EsopJson.newObjectMapper();
    private final AtomicLong reported = new AtomicLong();

    public FulfilmentSimulator(@Channel("progress-out") MutinyEmitter<String> progress, FulfilmentConfig config, Vertx vertx) {
        this.progress = progress;
        this.config = config;
        this.vertx = vertx;
        this.random = config.seed().map(Random::new).orElseGet(Random::new);
    }

    @Incoming("orders-in")
    public void onOrderEvent(ConsumerRecord<String, String> record) {
        if (!config.enabled() || !EventTypes.ORDER_SUBMITTED.name().equals(header(record, CloudEvents.TYPE))) {
            return;
        }
        OrderSubmitted order;
        try {
            order = json.readValue(record.value(), OrderSubmitted.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Log.warnf("ignoring an unreadable %s at %s-%d@%d: %s", EventTypes.ORDER_SUBMITTED.name(), record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return;
        }
        if (order.occurredAt().isBefore(Instant.now().minus(config.maxAge()))) {
            Log.debugf("order %s was submitted at %s, longer ago than %s: not reported on", order.orderId(),
                    order.occurredAt(), config.maxAge());
            return;
        }
        List<FulfilmentPlan.Delivery> plan;
        synchronized (random) {
            plan = FulfilmentPlan.of(order.orderId(), Instant.now(), config, random);
        }
        Log.infof("order %s: %d progress reports planned", order.orderId(), plan.size());
        for (FulfilmentPlan.Delivery delivery : plan) {
            vertx.setTimer(Math.max(1, delivery.after().toMillis()), ignored -> send(delivery.event()));
        }
    }

    private void send(OrderProgressEvent event) {
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEvents.SPEC_VERSION, bytes(CloudEvents.SPEC_VERSION_1_0));
        headers.add(CloudEvents.ID, bytes(event.eventId()));
        headers.add(CloudEvents.TYPE, bytes(EventTypes.ORDER_PROGRESS_REPORTED.name()));
        headers.add(CloudEvents.SOURCE, bytes("esop-simulator"));
        headers.add(CloudEvents.SUBJECT, bytes(event.orderId()));
        headers.add(CloudEvents.TIME, bytes(event.occurredAt().toString()));
        headers.add(CloudEvents.CONTENT_TYPE, bytes(CloudEvents.APPLICATION_JSON));
        Message<String> message = Message.of(payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.orderId()).withHeaders(headers).build());
        progress.sendMessage(message).subscribe().with(
                ok -> reported.incrementAndGet(),
                failure -> Log.warnf("progress report %s of order %s not sent: %s", event.sequence(), event.orderId(),
                        failure.getMessage()));
    }

    /** Reports sent since start. */
    public long reported() {
        return reported.get();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

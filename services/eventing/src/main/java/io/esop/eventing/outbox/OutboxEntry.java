package io.esop.eventing.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One row of the outbox, before it is written: the Kafka record to publish, with its payload
 * already serialized.
 *
 * @param topic       Kafka topic
 * @param key         Kafka key: the aggregate id, so one aggregate's events stay in order
 * @param type        {@code ce_type}, e.g. {@code esop.order.milestone-reached.v1}
 * @param subject     {@code ce_subject}, may be null
 * @param time        {@code ce_time}, when the change happened; null means now (when the row is written)
 * @param payloadJson the JSON value; null publishes a tombstone
 * @param headers     extra Kafka headers (UTF-8 text), published after the CloudEvents headers
 */
public record OutboxEntry(String topic, String key, String type, String subject, Instant time, String payloadJson,
        Map<String, String> headers) {

    public OutboxEntry {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        if (topic.isBlank() || type.isBlank()) {
            throw new IllegalArgumentException("topic and type must not be blank");
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** An entry whose {@code ce_time} is when it is written. */
    public OutboxEntry(String topic, String key, String type, String subject, String payloadJson,
            Map<String, String> headers) {
        this(topic, key, type, subject, null, payloadJson, headers);
    }
}

package io.esop.eventing.outbox;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import io.esop.eventing.CloudEventHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;

/** An unsent outbox row, as the relay reads it. */
record PendingEvent(long seq, UUID eventId, String topic, String key, String type, String subject,
        String payloadJson, JsonObject headers, OffsetDateTime createdAt) {

    static final String COLUMNS = "seq, event_id, topic, message_key, event_type, subject, payload::text as payload, "
            + "headers::text as headers, created_at";

    static PendingEvent from(Row row) {
        String headers = row.getString("headers");
        return new PendingEvent(
                row.getLong("seq"),
                row.getUUID("event_id"),
                row.getString("topic"),
                row.getString("message_key"),
                row.getString("event_type"),
                row.getString("subject"),
                row.getString("payload"),
                headers == null ? null : new JsonObject(headers),
                row.getOffsetDateTime("created_at"));
    }

    /** The Kafka record: CloudEvents 1.0 binary mode, the key is the aggregate id, the value the JSON data. */
    ProducerRecord<String, byte[]> toRecord(String source) {
        byte[] value = payloadJson == null ? null : payloadJson.getBytes(StandardCharsets.UTF_8);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        Headers h = record.headers();
        add(h, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        add(h, CloudEventHeaders.ID, eventId.toString());
        add(h, CloudEventHeaders.TYPE, type);
        add(h, CloudEventHeaders.SOURCE, source);
        add(h, CloudEventHeaders.SUBJECT, subject);
        add(h, CloudEventHeaders.TIME, createdAt.toInstant().toString());
        if (value != null) {
            add(h, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON);
        }
        if (headers != null) {
            headers.forEach(e -> add(h, e.getKey(), e.getValue() == null ? null : e.getValue().toString()));
        }
        return record;
    }

    private static void add(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}

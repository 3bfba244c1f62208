package io.esop.workbench.live.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.esop.contracts.CloudEvents;
import io.esop.workbench.live.LiveEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads a live event from a Kafka record by field name rather than by record class, so that the stream keeps
 * working while the opportunity, order and SLA services add event types.
 */
public final class LiveEvents {

    private static final List<String> PEOPLE = List.of("ownerId", "responsibleUserId", "accountManagerId",
            "requestedBy", "approverId", "submittedBy", "assignedBy", "decidedBy", "collaboratorId");
    private static final List<String> SUMMARY = List.of("milestone", "to", "stage", "kind", "decision", "status",
            "productLine");

    private LiveEvents() {
    }

    public static LiveEvent from(String kind, ConsumerRecord<String, String> record, ObjectMapper mapper)
            throws IOException {
        JsonNode json = mapper.readTree(record.value());
        if (json == null || !json.isObject()) {
            throw new IOException("not a JSON object");
        }
        Set<String> people = new HashSet<>();
        for (String field : PEOPLE) {
            String value = text(json, field);
            if (value != null) {
                people.add(value);
            }
        }
        String summary = null;
        for (String field : SUMMARY) {
            summary = text(json, field);
            if (summary != null) {
                break;
            }
        }
        String id = header(record, CloudEvents.ID);
        if (id == null) {
            id = record.topic() + "-" + record.partition() + "-" + record.offset();
        }
        String occurred = text(json, "occurredAt");
        Instant occurredAt;
        try {
            occurredAt = occurred == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(occurred);
        } catch (RuntimeException e) {
            occurredAt = Instant.ofEpochMilli(record.timestamp());
        }
        String teamId = text(json, "teamId");
        return new LiveEvent(id, kind, header(record, CloudEvents.TYPE), record.key(), text(json, "customerId"),
                teamId, text(json, "region"), people, summary, occurredAt);
    }

    static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

package io.esop.eventing.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.esop.eventing.CloudEventHeaders;
import io.esop.eventing.outbox.Outbox;
import io.esop.eventing.outbox.OutboxEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Sends a record a consumer cannot process to the service's dead-letter topic, so the partition goes
 * on. The dead letter goes through the outbox, in the consumer's transaction: commit it together with
 * the inbox mark ({@code Inbox.firstDelivery}) and it is neither lost nor written twice.
 * <p>
 * The dead letter keeps the original key; its value is the original value when that is JSON, otherwise
 * a JSON string holding it (see {@link DeadLetterHeaders#VALUE_ENCODING}). The reason and origin travel
 * in {@code esop_dlq_*} headers; each dead letter counts in {@code esop.dead.letters{topic,consumer}}.
 */
@ApplicationScoped
public class DeadLetters {

    /** {@code ce_type} of a dead letter. */
    public static final String EVENT_TYPE = "esop.dead-letter.v1";

    private static final int MAX_REASON_LENGTH = 2_000;

    private final Outbox outbox;
    private final ObjectMapper objectMapper;
    private final ObjectReader strictReader;
    private final MeterRegistry registry;

    public DeadLetters(Outbox outbox, ObjectMapper objectMapper, MeterRegistry registry) {
        this.outbox = outbox;
        this.objectMapper = objectMapper;
        this.strictReader = objectMapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.registry = registry;
    }

    /**
     * Writes the dead letter into the outbox in the caller's transaction.
     *
     * @param dlqTopic the service's dead-letter topic
     * @param consumer the consumer that gives up (the same name it uses for the inbox)
     * @param source   the original record
     * @param reason   why: shown to whoever replays or repairs it
     * @return the dead letter's event id
     */
    public Uni<UUID> send(String dlqTopic, String consumer, DeadLetterSource source, String reason) {
        return Uni.createFrom().item(() -> entry(dlqTopic, consumer, source, reason))
                .chain(outbox::append)
                .invoke(id -> counted(id, consumer, source, reason));
    }

    /**
     * As {@link #send(String, String, DeadLetterSource, String)} for many records with one outbox statement (a
     * batch consumer): {@code reasons.get(i)} is why {@code sources.get(i)} is rejected.
     *
     * @return the dead letters' event ids, in order
     */
    public Uni<List<UUID>> sendAll(String dlqTopic, String consumer, List<DeadLetterSource> sources,
            List<String> reasons) {
        if (sources.size() != reasons.size()) {
            return Uni.createFrom().failure(new IllegalArgumentException("one reason per source"));
        }
        if (sources.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.createFrom().item(() -> {
            List<OutboxEntry> entries = new ArrayList<>(sources.size());
            for (int i = 0; i < sources.size(); i++) {
                entries.add(entry(dlqTopic, consumer, sources.get(i), reasons.get(i)));
            }
            return entries;
        }).chain(outbox::appendAll).invoke(ids -> {
            for (int i = 0; i < ids.size(); i++) {
                counted(ids.get(i), consumer, sources.get(i), reasons.get(i));
            }
        });
    }

    /** Counts a dead letter written to the outbox (metric {@code esop.dead.letters}) and says why in the log. */
    private void counted(UUID id, String consumer, DeadLetterSource source, String reason) {
        Counter.builder("esop.dead.letters")
                .description("Records sent to a dead-letter topic")
                .tag("topic", source.topic())
                .tag("consumer", consumer)
                .register(registry)
                .increment();
        Log.warnf("Dead letter %s: %s[%d]@%d rejected by %s: %s", id, source.topic(), source.partition(),
                source.offset(), consumer, reason);
    }

    /**
     * As {@link #send(String, String, DeadLetterSource, String)}, from a consumed record. A value that
     * is neither {@code byte[]} nor {@code String} (already deserialized) is kept as its JSON form.
     */
    public Uni<UUID> send(String dlqTopic, String consumer, ConsumerRecord<?, ?> record, String reason) {
        return Uni.createFrom().item(() -> DeadLetterSource.of(record.topic(), record.partition(), record.offset(),
                record.key() == null ? null : record.key().toString(), rawValue(record.value()), record.headers()))
                .chain(source -> send(dlqTopic, consumer, source, reason));
    }

    OutboxEntry entry(String dlqTopic, String consumer, DeadLetterSource source, String reason) {
        Map<String, String> headers = new LinkedHashMap<>();
        source.headers().forEach((name, value) -> headers.put(clashesWithRelay(name)
                ? DeadLetterHeaders.ORIGINAL_PREFIX + name
                : name, value));
        headers.put(DeadLetterHeaders.REASON, truncate(reason == null ? "unknown" : reason));
        headers.put(DeadLetterHeaders.TOPIC, source.topic());
        headers.put(DeadLetterHeaders.PARTITION, Integer.toString(source.partition()));
        headers.put(DeadLetterHeaders.OFFSET, Long.toString(source.offset()));
        headers.put(DeadLetterHeaders.CONSUMER, consumer);

        String payload;
        String encoding;
        byte[] value = source.value();
        String text = value == null ? null : utf8(value);
        if (value == null) {
            payload = "null";
            encoding = DeadLetterHeaders.ENCODING_NULL;
        } else if (text != null && isJson(text) && !text.contains("\\u0000")) {
            payload = text;
            encoding = DeadLetterHeaders.ENCODING_JSON;
        } else if (text != null && text.indexOf('\0') < 0) {
            payload = jsonString(text);
            encoding = DeadLetterHeaders.ENCODING_TEXT;
        } else {
            // Not UTF-8, or NUL characters, which jsonb cannot store: keep the exact bytes.
            payload = jsonString(Base64.getEncoder().encodeToString(value));
            encoding = DeadLetterHeaders.ENCODING_BASE64;
        }
        headers.put(DeadLetterHeaders.VALUE_ENCODING, encoding);
        String subject = source.topic() + "/" + source.partition() + "/" + source.offset();
        return new OutboxEntry(dlqTopic, source.key(), EVENT_TYPE, subject, payload, headers);
    }

    private byte[] rawValue(Object value) {
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        if (value instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return objectMapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            return value.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    private boolean isJson(String text) {
        if (text.isBlank()) {
            return false;
        }
        try {
            strictReader.readTree(text);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private String jsonString(String text) {
        try {
            return objectMapper.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean clashesWithRelay(String header) {
        return header.startsWith("ce_") || header.equalsIgnoreCase(CloudEventHeaders.CONTENT_TYPE);
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String truncate(String reason) {
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH) + "…";
    }
}

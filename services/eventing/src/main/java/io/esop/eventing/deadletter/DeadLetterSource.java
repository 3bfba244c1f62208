package io.esop.eventing.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The record a consumer gives up on: where it was, and its raw key, value and headers.
 *
 * @param value   the raw value bytes as read from Kafka (null for a tombstone)
 * @param headers the original headers as UTF-8 text, in order (the last value of a repeated header wins)
 */
public record DeadLetterSource(String topic, int partition, long offset, String key, byte[] value,
        Map<String, String> headers) {

    public DeadLetterSource {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** From the parts, e.g. from SmallRye Reactive Messaging's {@code IncomingKafkaRecordMetadata}. */
    public static DeadLetterSource of(String topic, int partition, long offset, String key, byte[] value,
            Headers headers) {
        return new DeadLetterSource(topic, partition, offset, key, value, text(headers));
    }

    /** From the parts, with a value a String deserializer produced. */
    public static DeadLetterSource of(String topic, int partition, long offset, String key, String value,
            Headers headers) {
        return of(topic, partition, offset, key, value == null ? null : value.getBytes(StandardCharsets.UTF_8),
                headers);
    }

    private static Map<String, String> text(Headers headers) {
        Map<String, String> map = new LinkedHashMap<>();
        if (headers != null) {
            for (Header header : headers) {
                if (header.value() != null) {
                    map.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
                }
            }
        }
        return map;
    }
}

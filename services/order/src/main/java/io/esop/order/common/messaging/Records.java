package io.esop.order.common.messaging;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.esop.eventing.deadletter.DeadLetterSource;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Reading incoming Kafka records without handing Kafka types to the eventing library: in @QuarkusTest runs its
 * classes can be defined by another class loader than Kafka's (a LinkageError on {@code Headers}), so headers are
 * turned into plain strings here.
 */
public final class Records {

    private Records() {
    }

    /** The last value of a header as UTF-8 text; null when absent. */
    public static String header(Headers headers, String name) {
        if (headers == null) {
            return null;
        }
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String key(IncomingKafkaRecordMetadata<?, ?> kafka) {
        return kafka.getKey() == null ? null : kafka.getKey().toString();
    }

    /** Where a record was, for its inbox id when it has no usable id of its own. */
    public static String position(IncomingKafkaRecordMetadata<?, ?> kafka) {
        return kafka.getTopic() + "/" + kafka.getPartition() + "/" + kafka.getOffset();
    }

    /** The record as the dead letters want it. */
    public static DeadLetterSource source(IncomingKafkaRecordMetadata<?, ?> kafka, byte[] value) {
        return new DeadLetterSource(kafka.getTopic(), kafka.getPartition(), kafka.getOffset(), key(kafka), value,
                text(kafka.getHeaders()));
    }

    /** A record of a polled batch as the dead letters want it. */
    public static DeadLetterSource source(ConsumerRecord<?, byte[]> record) {
        return new DeadLetterSource(record.topic(), record.partition(), record.offset(),
                record.key() == null ? null : record.key().toString(), record.value(), text(record.headers()));
    }

    /** Where a record of a polled batch was. */
    public static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "/" + record.partition() + "/" + record.offset();
    }

    private static Map<String, String> text(Headers kafkaHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (kafkaHeaders != null) {
            for (Header header : kafkaHeaders) {
                if (header.value() != null) {
                    headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
                }
            }
        }
        return headers;
    }
}

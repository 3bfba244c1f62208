package io.esop.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A plain consumer on one topic, positioned at the end offsets taken when it is opened (before the change a test
 * makes), reading committed records only. No consumer group: it assigns every partition itself.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

    private TopicProbe(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("kafka.bootstrap.servers", "localhost:9092"));
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.endOffsets(partitions, Duration.ofSeconds(10)).forEach(consumer::seek);
    }

    public static TopicProbe atEnd(String topic) {
        return new TopicProbe(topic);
    }

    /** Polls until {@code count} records match (or the timeout passed); returns the matching ones. */
    public List<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> match, int count,
            Duration timeout) {
        Instant until = Instant.now().plus(timeout);
        List<ConsumerRecord<String, String>> matching = List.of();
        while (Instant.now().isBefore(until)) {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            matching = received.stream().filter(match).toList();
            if (matching.size() >= count) {
                break;
            }
        }
        return matching;
    }

    /** Polls for {@code duration} more and returns every matching record so far. */
    public List<ConsumerRecord<String, String>> settle(Predicate<ConsumerRecord<String, String>> match,
            Duration duration) {
        Instant until = Instant.now().plus(duration);
        while (Instant.now().isBefore(until)) {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
        }
        return received.stream().filter(match).toList();
    }

    public static Predicate<ConsumerRecord<String, String>> key(String key) {
        return r -> key.equals(r.key());
    }

    public static Predicate<ConsumerRecord<String, String>> keyAndType(String key, String type) {
        return r -> key.equals(r.key()) && type.equals(header(r, "ce_type"));
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}

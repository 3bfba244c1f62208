package io.esop.opportunity.support;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.EsopJson;
import io.esop.contracts.Topics;

/** Plain Kafka clients against the stack's broker: what a source system or another service would do. */
public final class Kafka {

    public static final String BOOTSTRAP = "localhost:9092";
    public static final ObjectMapper JSON = EsopJson.newObjectMapper();
    private static KafkaProducer<String, byte[]> producer;

    private Kafka() {
    }

    public static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    public static void send(String topic, String key, Object value) {
        try {
            byte[] bytes = value == null ? null : value instanceof byte[] b ? b
                    : value instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(value);
            producer().send(new ProducerRecord<>(topic, key, bytes)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until this service's signal consumer owns every partition of esop.signals.v1: a test group
     * starts at the end of the topic, so a signal sent before that could be skipped on the first run.
     */
    public static void awaitSignalConsumer(String group) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            int partitions = admin.describeTopics(List.of(Topics.SIGNALS)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(Topics.SIGNALS).partitions().size();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all()
                        .get(30, TimeUnit.SECONDS).get(group);
                long assigned = d.members().stream().flatMap(m -> m.assignment().topicPartitions().stream())
                        .filter(tp -> tp.topic().equals(Topics.SIGNALS)).count();
                return assigned == partitions;
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A consumer of one topic positioned at its current end: sees only what happens after it opened. */
    public static final class Probe implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

        public Probe(String topic) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.endOffsets(partitions, Duration.ofSeconds(10)).forEach(consumer::seek);
        }

        /** Polls until {@code count} records with {@code key} arrived (or 60 s passed). */
        public List<ConsumerRecord<String, String>> await(String key, int count) {
            Instant until = Instant.now().plusSeconds(60);
            List<ConsumerRecord<String, String>> matching = List.of();
            while (Instant.now().isBefore(until)) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                matching = received.stream().filter(r -> key.equals(r.key())).toList();
                if (matching.size() >= count) {
                    break;
                }
            }
            return matching;
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
}

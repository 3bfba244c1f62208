package io.esop.workbench.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.esop.contracts.CloudEvents;
import io.esop.contracts.EsopEvent;
import io.esop.contracts.EsopJson;
import io.esop.contracts.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Kafka of the local stack, for tests: produce contract events with CloudEvents headers, read topics. */
public final class Kafka {

    public static final String BOOTSTRAP = System.getenv().getOrDefault("ESOP_KAFKA_BOOTSTRAP", "localhost:9092");
    public static final ObjectMapper JSON = EsopJson.newObjectMapper();

    private Kafka() {
    }

    public static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    /** A consumer in a group of its own that commits nothing; the caller assigns and seeks. */
    public static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                ConsumerConfig.GROUP_ID_CONFIG, "workbench-test-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
    }

    public static <T extends EsopEvent> String send(KafkaProducer<String, String> producer, EventType<T> type,
            T event) throws Exception {
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), event.key(),
                JSON.writeValueAsString(event));
        record.headers()
                .add(CloudEvents.SPEC_VERSION, CloudEvents.SPEC_VERSION_1_0.getBytes(StandardCharsets.UTF_8))
                .add(CloudEvents.ID, id.getBytes(StandardCharsets.UTF_8))
                .add(CloudEvents.TYPE, type.name().getBytes(StandardCharsets.UTF_8))
                .add(CloudEvents.SOURCE, "esop-workbench-test".getBytes(StandardCharsets.UTF_8))
                .add(CloudEvents.SUBJECT, event.key().getBytes(StandardCharsets.UTF_8))
                .add(CloudEvents.TIME, Instant.now().toString().getBytes(StandardCharsets.UTF_8))
                .add(CloudEvents.CONTENT_TYPE, CloudEvents.APPLICATION_JSON.getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
        return id;
    }
}

package io.esop.eventing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import io.esop.testing.TestTopics;

/**
 * Uniquely named topics on the stack's broker (auto-creation is off there), deleted by {@link #close()}.
 */
public final class KafkaTestTopics implements AutoCloseable {

    private final String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    private final Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    private final List<String> created = new ArrayList<>();

    public String create(String purpose, int partitions) {
        String name = "esop.test." + purpose + "." + UUID.randomUUID().toString().substring(0, 8);
        TestTopics.create(admin, bootstrap, List.of(new NewTopic(name, partitions, (short) 1)));
        created.add(name);
        return name;
    }

    public String bootstrap() {
        return bootstrap;
    }

    /**
     * Reads the topic from the beginning (read_committed, as every ESOP consumer: the relay publishes
     * in transactions) until {@code expected} records arrived or the timeout passed.
     */
    public List<ConsumerRecord<String, byte[]>> consume(String topic, int expected, Duration timeout) {
        return read(topic, expected, timeout);
    }

    /** Reads everything the topic receives during {@code window}. */
    public List<ConsumerRecord<String, byte[]>> consumeFor(String topic, Duration window) {
        return read(topic, Integer.MAX_VALUE, window);
    }

    public KafkaConsumer<String, byte[]> consumer(String groupId) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private List<ConsumerRecord<String, byte[]>> read(String topic, int expected, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        return records;
    }

    @Override
    public void close() {
        try {
            if (!created.isEmpty()) {
                admin.deleteTopics(created).all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot delete test topics " + created, e);
        } finally {
            admin.close(Duration.ofSeconds(5));
        }
    }
}

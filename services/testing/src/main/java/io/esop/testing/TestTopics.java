package io.esop.testing;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Creates a test's own topics and returns once clients see every partition of them. The broker acknowledges a
 * creation when its controller has recorded it; the metadata clients read is updated a moment later, and a
 * consumer asking in between is told the topic has no partitions.
 */
public final class TestTopics {

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(30);

    private TestTopics() {
    }

    public static void create(Admin admin, String bootstrap, Collection<NewTopic> topics) {
        try {
            admin.createTopics(topics).all().get(VISIBLE_WITHIN.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating " + names(topics), e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + names(topics), e);
        }
        awaitVisible(bootstrap, topics);
    }

    private static void awaitVisible(String bootstrap, Collection<NewTopic> topics) {
        long deadline = System.nanoTime() + VISIBLE_WITHIN.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            for (NewTopic topic : topics) {
                while (consumer.partitionsFor(topic.name(), Duration.ofSeconds(5)).size() < topic.numPartitions()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(topic.name() + " was created but clients do not see its "
                                + topic.numPartitions() + " partitions after " + VISIBLE_WITHIN.toSeconds() + " s");
                    }
                    sleep();
                }
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for topics", e);
        }
    }

    private static String names(Collection<NewTopic> topics) {
        return topics.stream().map(NewTopic::name).toList().toString();
    }
}

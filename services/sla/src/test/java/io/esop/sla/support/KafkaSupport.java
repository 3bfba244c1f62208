package io.esop.sla.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.esop.contracts.EsopEvent;
import io.esop.contracts.sla.SlaAlert;
import io.esop.testing.TestTopics;

/** The real local Kafka: topics, a producer of contracts events, and an alert collector. */
public final class KafkaSupport {

    public static final String BOOTSTRAP = System.getProperty("esop.kafka", "localhost:9092");

    private KafkaSupport() {
    }

    public static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP));
    }

    public static void createTopics(Collection<NewTopic> topics) {
        try (Admin admin = admin()) {
            TestTopics.create(admin, BOOTSTRAP, topics);
        }
    }

    /** Deletes the given topics and every topic starting with one of the prefixes (Streams internal topics). */
    public static void deleteTopics(Collection<String> names, Collection<String> prefixes) {
        try (Admin admin = admin()) {
            Set<String> all = admin.listTopics().names().get();
            Set<String> doomed = all.stream()
                    .filter(t -> names.contains(t) || prefixes.stream().anyMatch(t::startsWith))
                    .collect(Collectors.toSet());
            if (!doomed.isEmpty()) {
                admin.deleteTopics(doomed).all().get();
            }
        } catch (Exception e) {
            // best effort: a leftover private topic harms nobody
        }
    }

    public static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends a contracts event to its topic (or {@code topic}), keyed by its aggregate, and waits for the ack. */
    public static void send(KafkaProducer<String, byte[]> producer, String topic, Integer partition, EsopEvent event) {
        try {
            producer.send(new ProducerRecord<>(topic, partition, event.key(), Events.json(event),
                    Events.headers(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void send(KafkaProducer<String, byte[]> producer, EsopEvent event) {
        send(producer, Events.topicOf(event), null, event);
    }

    /** Collects, in a background thread, every committed alert published after it started. */
    public static final class AlertCollector implements AutoCloseable {

        public record Received(SlaAlert alert, long receivedAtMs) {
        }

        private final List<Received> received = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;

        public AlertCollector(String topic) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                    new ByteArrayDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // fix the start before anything is produced
            thread = new Thread(() -> {
                try (consumer) {
                    while (running) {
                        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                            try {
                                received.add(new Received(Events.JSON.readValue(r.value(), SlaAlert.class),
                                        System.currentTimeMillis()));
                            } catch (Exception e) {
                                // not an alert this test cares about
                            }
                        }
                    }
                }
            }, "alert-collector");
            thread.setDaemon(true);
            thread.start();
        }

        public List<SlaAlert> of(String clockId) {
            return received.stream().map(Received::alert).filter(a -> a.clockId().equals(clockId)).toList();
        }

        public List<Received> receivedOf(String clockId) {
            return received.stream().filter(r -> r.alert().clockId().equals(clockId)).toList();
        }

        @Override
        public void close() {
            running = false;
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

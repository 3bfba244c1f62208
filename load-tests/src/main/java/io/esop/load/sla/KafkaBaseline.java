package io.esop.load.sla;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.admin.Admin;
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

/**
 * What Kafka alone costs on this machine, measured in the same run as the SLA engine: records of the size of an
 * alert, produced to a private topic with as many partitions as the alerts topic and read back by a consumer.
 * <ul>
 * <li>{@link #sequential}: one record at a time, the next sent when the previous arrived (what
 * {@code org.apache.kafka.tools.EndToEndLatency} measures);</li>
 * <li>{@link #burst}: {@code count} records spread evenly over {@code window} — the same burst the engine must fire
 * — latency counted from each record's planned send time, so a producer falling behind shows too.</li>
 * </ul>
 */
final class KafkaBaseline {

    private final String bootstrap;
    private final String topic;
    private final int partitions;
    private final int recordBytes;

    KafkaBaseline(String bootstrap, String topic, int partitions, int recordBytes) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.partitions = partitions;
        this.recordBytes = recordBytes;
    }

    Latencies sequential(int count) throws Exception {
        Latencies latencies = new Latencies();
        try (KafkaProducer<byte[], byte[]> producer = producer(0); KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            byte[] payload = new byte[recordBytes];
            for (int i = 0; i < count; i++) {
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, i % partitions, null, payload)).get();
                long giveUp = System.nanoTime() + 30_000_000_000L;
                while (consumer.poll(Duration.ofMillis(100)).isEmpty()) {
                    if (System.nanoTime() > giveUp) {
                        throw new IllegalStateException("a baseline record did not arrive within 30 s");
                    }
                }
                latencies.add((System.nanoTime() - sent) / 1_000_000);
            }
        }
        return latencies;
    }

    Latencies burst(int count, Duration window) throws Exception {
        Latencies latencies = new Latencies();
        AtomicBoolean reading = new AtomicBoolean(true);
        KafkaConsumer<byte[], byte[]> consumer = consumer();
        Thread reader = new Thread(() -> {
            try (consumer) {
                while (reading.get() && latencies.size() < count) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                        long planned = ByteBuffer.wrap(r.value()).getLong();
                        latencies.add(System.currentTimeMillis() - planned);
                    }
                }
            }
        }, "baseline-reader");
        reader.start();
        try (KafkaProducer<byte[], byte[]> producer = producer(5)) {
            long start = System.currentTimeMillis() + 500;
            long windowMs = window.toMillis();
            for (int i = 0; i < count; i++) {
                long planned = start + i * windowMs / count;
                long wait = planned - System.currentTimeMillis();
                if (wait > 0) {
                    LockSupport.parkNanos(wait * 1_000_000);
                }
                byte[] payload = new byte[recordBytes];
                ByteBuffer.wrap(payload).putLong(planned);
                producer.send(new ProducerRecord<>(topic, i % partitions, null, payload));
            }
            producer.flush();
        }
        reader.join(120_000);
        reading.set(false);
        reader.join();
        return latencies;
    }

    void create() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    void delete() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.deleteTopics(List.of(topic)).all().get();
        }
    }

    private KafkaProducer<byte[], byte[]> producer(int lingerMs) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        // a topic just created may not be in the metadata yet: wait until all its partitions are
        List<TopicPartition> assigned = List.of();
        long giveUp = System.nanoTime() + 30_000_000_000L;
        while (assigned.size() < partitions) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("topic " + topic + " has no " + partitions + " partitions");
            }
            assigned = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            if (assigned.size() < partitions) {
                LockSupport.parkNanos(200_000_000L);
            }
        }
        consumer.assign(assigned);
        consumer.seekToEnd(assigned);
        assigned.forEach(consumer::position); // fix the position now, before anything is produced
        return consumer;
    }
}

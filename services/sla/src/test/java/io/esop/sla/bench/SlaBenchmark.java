package io.esop.sla.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import io.esop.contracts.ProductLine;
import io.esop.contracts.ValueTier;
import io.esop.contracts.opportunity.OpportunityAssigned;
import io.esop.contracts.sla.BusinessCalendar;
import io.esop.contracts.sla.ClockType;
import io.esop.contracts.sla.SlaAlert;
import io.esop.contracts.sla.SlaPolicy;
import io.esop.sla.clock.messaging.SlaTopics;
import io.esop.sla.clock.messaging.SlaTopology;
import io.esop.sla.support.Events;
import io.esop.sla.support.KafkaSupport;

/**
 * Firing-lateness benchmark of the SLA engine on the local Kafka: opens {@code clocks} first-contact clocks
 * (OpportunityAssigned events produced to a 12-partition topic), {@code due} of them on a short policy whose
 * warning and breach fall due within the same {@code window} seconds, the rest on a one-day policy. Reports the
 * lateness of every warning and breach (firedAt - dueAt, and arrival of the committed alert - dueAt), the state
 * store size on disk, the changelog size and heap use. Private topics, its own application id, all deleted after.
 *
 * <pre>
 * ../../mvnw -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx2g -cp target/classes:target/test-classes:$(cat target/cp.txt) io.esop.sla.bench.SlaBenchmark \
 *     -Dclocks=1000000 -Ddue=100000
 * </pre>
 */
public final class SlaBenchmark {

    public static void main(String[] args) throws Exception {
        int clocks = Integer.getInteger("clocks", 1_000_000);
        int due = Integer.getInteger("due", 100_000);
        int window = Integer.getInteger("window", 3);
        int partitions = Integer.getInteger("partitions", 12);
        int threads = Integer.getInteger("threads", 2);
        long leadSeconds = Long.getLong("lead", 0); // 0: estimated from the time to open the clocks

        String run = UUID.randomUUID().toString().substring(0, 8);
        String p = "esop-bench." + run + ".";
        SlaTopics topics = new SlaTopics(p + "opportunities", p + "orders", p + "customers", p + "policies",
                p + "alerts", p + "dlq");
        String applicationId = "esop-sla-bench-" + run;
        Path stateDir = Path.of("target", "bench-" + run);
        KafkaSupport.createTopics(List.of(new NewTopic(topics.opportunities(), partitions, (short) 1),
                new NewTopic(topics.orders(), partitions, (short) 1),
                new NewTopic(topics.customers(), 1, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                new NewTopic(topics.policies(), 1, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                new NewTopic(topics.alerts(), partitions, (short) 1), new NewTopic(topics.deadLetters(), 1, (short) 1)));
        KafkaStreams streams = null;
        try (KafkaProducer<String, byte[]> producer = producer()) {
            // the background clocks first; their pace decides how far ahead the short clocks must fall due
            streams = start(topics, applicationId, stateDir, threads);
            Instant t0 = Instant.now();
            publish(producer, topics.policies(), policy("bench.slow", ValueTier.KEY, Duration.ofDays(1)));

            int slow = clocks - due;
            long slowStart = System.nanoTime();
            produce(producer, topics.opportunities(), "slow-" + run + "-", slow, ValueTier.KEY, i -> Instant.now());
            waitProcessed(topics.opportunities(), applicationId, "slow clocks");
            double slowSeconds = (System.nanoTime() - slowStart) / 1e9;
            System.out.printf("opened %,d background clocks in %.1f s (%.0f/s)%n", slow, slowSeconds,
                    slow / slowSeconds);

            // the short clocks: all started within `window` seconds of S, due (breach) target later
            long lead = leadSeconds > 0 ? leadSeconds
                    : Math.max(30, (long) Math.ceil(due / Math.max(1.0, slow / slowSeconds) * 3) + 20);
            Duration target = Duration.ofSeconds(lead);
            publish(producer, topics.policies(), policy("bench.fast", ValueTier.STRATEGIC, target));
            Thread.sleep(2000); // the global table picks the policy up
            Instant s = Instant.now();
            AlertStats stats = new AlertStats(topics.alerts(), 2L * due);
            produce(producer, topics.opportunities(), "due-" + run + "-", due, ValueTier.STRATEGIC,
                    i -> s.plusMillis((long) i * window * 1000L / due));
            waitProcessed(topics.opportunities(), applicationId, "due clocks");
            System.out.printf("opened %,d clocks due at %s + %d s (warnings at 50 %%), %s after the first%n", due,
                    s, lead, Duration.between(s, Instant.now()));
            stats.awaitAll(s.plus(target).plusSeconds(window + 180));
            stats.report();

            long stateBytes = size(stateDir);
            Runtime rt = Runtime.getRuntime();
            System.gc();
            System.out.printf("state stores on disk (RocksDB, %d tasks): %.1f MB%n", partitions, stateBytes / 1e6);
            System.out.printf("changelog topics: %.1f MB%n", changelogBytes(applicationId) / 1e6);
            System.out.printf("JVM heap used after GC: %.1f MB (max %.0f MB)%n",
                    (rt.totalMemory() - rt.freeMemory()) / 1e6, rt.maxMemory() / 1e6);
            System.out.printf("total run: %s%n", Duration.between(t0, Instant.now()));
        } finally {
            if (streams != null) {
                streams.close(Duration.ofSeconds(60));
            }
            KafkaSupport.deleteTopics(List.of(topics.opportunities(), topics.orders(), topics.customers(),
                    topics.policies(), topics.alerts(), topics.deadLetters()), List.of(applicationId + "-"));
            deleteRecursively(stateDir);
        }
    }

    interface At {
        Instant at(int i);
    }

    static SlaPolicy policy(String id, ValueTier tier, Duration target) {
        return new SlaPolicy(id, 1, tier, ProductLine.CLOUD, ClockType.OPPORTUNITY_FIRST_CONTACT, null, null, target,
                50, List.of(), BusinessCalendar.always(), Instant.EPOCH, Instant.now());
    }

    static void publish(KafkaProducer<String, byte[]> producer, String topic, SlaPolicy policy) throws Exception {
        producer.send(new ProducerRecord<>(topic, null, policy.key(), Events.json(policy), Events.headers(policy)))
                .get();
    }

    static void produce(KafkaProducer<String, byte[]> producer, String topic, String prefix, int n, ValueTier tier,
            At at) {
        for (int i = 0; i < n; i++) {
            String id = prefix + i;
            OpportunityAssigned event = Events.assigned(id, 1, "cm-" + (i % 500), tier, ProductLine.CLOUD, at.at(i));
            producer.send(new ProducerRecord<>(topic, null, id, Events.json(event), Events.headers(event)));
        }
        producer.flush();
    }

    static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaSupport.BOOTSTRAP);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 262144);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    static KafkaStreams start(SlaTopics topics, String applicationId, Path stateDir, int threads) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaSupport.BOOTSTRAP);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG), 600000);
        KafkaStreams streams = new KafkaStreams(SlaTopology.build(topics, Duration.ofMillis(250), Events.JSON), props);
        streams.start();
        long until = System.currentTimeMillis() + 120_000;
        while (streams.state() != KafkaStreams.State.RUNNING && System.currentTimeMillis() < until) {
            sleep(200);
        }
        return streams;
    }

    /** Waits until the application committed offsets up to the end of the input topic. */
    static void waitProcessed(String topic, String group, String what) throws Exception {
        try (Admin admin = KafkaSupport.admin()) {
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames().get()
                    .get(topic).partitions().stream()
                    .collect(Collectors.toMap(i -> new TopicPartition(topic, i.partition()), i -> OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            long last = 0;
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                long lag = 0;
                for (var e : ends.entrySet()) {
                    OffsetAndMetadata c = committed.get(e.getKey());
                    // a transactional commit marker follows the last record: end offset counts it
                    lag += Math.max(0, e.getValue().offset() - (c == null ? 0 : c.offset()) - 1);
                }
                if (lag == 0) {
                    return;
                }
                if (System.currentTimeMillis() - last > 10_000) {
                    System.out.printf("  %s: %,d to go%n", what, lag);
                    last = System.currentTimeMillis();
                }
                sleep(500);
            }
        }
    }

    /** Consumes the committed alerts in the background and keeps their lateness. */
    static final class AlertStats {
        private final long expected;
        private final long[] fired;
        private final long[] arrived;
        private final AtomicLong count = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread;

        AlertStats(String topic, long expected) {
            this.expected = expected;
            this.fired = new long[(int) expected * 2];
            this.arrived = new long[(int) expected * 2];
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaSupport.BOOTSTRAP);
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                    new ByteArrayDeserializer());
            List<TopicPartition> parts = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            thread = new Thread(() -> {
                try (consumer) {
                    while (running) {
                        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                            long now = System.currentTimeMillis();
                            try {
                                SlaAlert a = Events.JSON.readValue(r.value(), SlaAlert.class);
                                int i = (int) count.getAndIncrement();
                                if (i < fired.length) {
                                    fired[i] = a.firedAt().toEpochMilli() - a.dueAt().toEpochMilli();
                                    arrived[i] = now - a.dueAt().toEpochMilli();
                                }
                            } catch (IOException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        void awaitAll(Instant deadline) {
            long last = 0;
            while (count.get() < expected && Instant.now().isBefore(deadline)) {
                if (System.currentTimeMillis() - last > 10_000) {
                    System.out.printf("  alerts: %,d of %,d%n", count.get(), expected);
                    last = System.currentTimeMillis();
                }
                sleep(200);
            }
            sleep(3000); // anything beyond the expected count would be a repeat
            running = false;
        }

        void report() {
            int n = (int) Math.min(count.get(), fired.length);
            System.out.printf("alerts received: %,d (expected %,d warnings + breaches)%n", count.get(), expected);
            print("firing lateness (firedAt - dueAt)", Arrays.copyOf(fired, n));
            print("delivery lateness (committed alert read - dueAt)", Arrays.copyOf(arrived, n));
        }

        private static void print(String what, long[] values) {
            Arrays.sort(values);
            if (values.length == 0) {
                System.out.println(what + ": no alerts");
                return;
            }
            System.out.printf("%s: p50 %d ms, p99 %d ms, max %d ms%n", what, values[values.length / 2],
                    values[(int) Math.min(values.length - 1, Math.ceil(values.length * 0.99) - 1)],
                    values[values.length - 1]);
        }
    }

    static long changelogBytes(String applicationId) throws Exception {
        try (Admin admin = KafkaSupport.admin()) {
            var nodes = admin.describeCluster().nodes().get().stream().map(n -> n.id()).toList();
            long total = 0;
            for (var perBroker : admin.describeLogDirs(nodes).allDescriptions().get().values()) {
                for (var dir : perBroker.values()) {
                    for (var e : dir.replicaInfos().entrySet()) {
                        if (e.getKey().topic().startsWith(applicationId + "-")) {
                            total += e.getValue().size();
                        }
                    }
                }
            }
            return total;
        }
    }

    static long size(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
            }
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SlaBenchmark() {
    }
}

package io.esop.load.sla;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.CloudEvents;
import io.esop.contracts.EsopEvent;
import io.esop.contracts.EsopJson;
import io.esop.contracts.EventTypes;
import io.esop.contracts.ProductLine;
import io.esop.contracts.Topics;
import io.esop.contracts.ValueTier;
import io.esop.contracts.opportunity.CreditSplit;
import io.esop.contracts.opportunity.OpportunityAssigned;
import io.esop.contracts.sla.AlertKind;
import io.esop.contracts.sla.BusinessCalendar;
import io.esop.contracts.sla.ClockType;
import io.esop.contracts.sla.SlaAlert;
import io.esop.contracts.sla.SlaPolicy;
import io.esop.load.BenchResults;
import io.esop.load.BenchRow;
import io.esop.testing.PackagedService;

/**
 * Firing lateness of the SLA engine (issue #6): opens {@code clocks} first-contact clocks through Kafka —
 * {@code OpportunityAssigned} events on topics declared like the real ones — in the packaged SLA service, lets
 * {@code due} of them fall due within the same {@code window} seconds (their warning at 50 % of a short target,
 * then their breach: two bursts of {@code due} alerts), the rest on a one-day policy, and reports how late the
 * alerts fired and arrived, the clocks' state on disk and changelog size, next to what Kafka alone costs for the
 * same burst on this machine, measured in the same run. See load-tests/README.md for the properties.
 */
public final class SlaFiringBenchmark {

    static final String NAME = "sla-firing";
    private static final ObjectMapper JSON = EsopJson.newObjectMapper();

    private final int clocks = (int) number("clocks", 1_000_000);
    private final int due = (int) number("due", 100_000);
    private final int window = (int) number("window", 3);
    private final String bootstrap = System.getProperty("esop.kafka.bootstrap", "localhost:9092");
    private final Path jar = Path.of(System.getProperty("sla.jar", "services/sla/target/quarkus-app/quarkus-run.jar"));
    private final int port = Integer.getInteger("sla.port", PackagedService.freePort()); // two runs must not share one
    private final List<String> jvm = List.of(System.getProperty("sla.jvm", "-Xmx1g").trim().split("\\s+"));
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String database = System.getProperty("sla.db", "sla_bench_" + run);
    private final String applicationId = "esop-sla-bench-" + run;
    private final String prefix = "esop-bench-" + run + ".";
    private final Map<String, String> topics = new LinkedHashMap<>();
    private final Path stateDir;

    private SlaFiringBenchmark() throws IOException {
        stateDir = Files.createTempDirectory("esop-sla-bench-");
        for (String real : List.of(Topics.OPPORTUNITIES, Topics.ORDERS, Topics.CUSTOMERS, Topics.SLA_POLICIES,
                Topics.SLA_ALERTS, "esop.sla.dlq.v1")) {
            topics.put(real, prefix + real);
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        new SlaFiringBenchmark().run();
    }

    private void run() throws Exception {
        log("SLA firing benchmark %s: %,d clocks, %,d due within %d s, %d cores, Kafka %s", run, clocks, due, window,
                Runtime.getRuntime().availableProcessors(), bootstrap);
        int alertPartitions = createTopics();
        List<BenchRow> rows = new ArrayList<>();
        try {
            // 1. what Kafka alone costs: the same number of alert-sized records in the same window
            KafkaBaseline baseline = new KafkaBaseline(bootstrap, prefix + "baseline", alertPartitions, 700);
            baseline.create();
            Latencies sequential = baseline.sequential(Integer.getInteger("baseline.sequential", 2000));
            log("raw Kafka, one record at a time: %s", sequential);
            Latencies burst = baseline.burst(due, Duration.ofSeconds(window));
            log("raw Kafka, %,d records over %d s: %s", due, window, burst);
            baseline.delete();

            // 2. the packaged service on the run's topics
            createDatabase();
            Path log = BenchResults.directory().resolve("sla-service-" + run + ".log");
            Measured m;
            double rss;
            // SIGTERM at the end: Quarkus closes Streams cleanly (RocksDB flushed), measured below
            try (PackagedService service = PackagedService.of("sla", jar).jvm(jvm.toArray(String[]::new)).port(port)
                    .properties(serviceProperties()).log(log).grace(Duration.ofSeconds(60)).start()) {
                log("SLA service pid %d on port %d, application id %s, log %s", service.pid(), port, applicationId, log);
                service.awaitReady(Duration.ofMinutes(3)); // the Streams engine running, its topics present
                m = measure();
                rss = service.residentBytes();
            }
            // a clean close flushes RocksDB's memtables: the files are now the whole state
            long stateBytes = size(stateDir);
            log("state stores on disk after close: %.1f MB", stateBytes / 1e6);
            rows.addAll(rows(m, stateBytes, sequential, burst, rss));
        } finally {
            cleanUp();
        }
        BenchResults.write(NAME, rows);
    }

    /** What the engine did in one run. */
    record Measured(Latencies fired, Latencies delivered, long alerts, long repeats, long changelogBytes,
            double openRate) {
    }

    private Measured measure() throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            publish(producer, policy("bench.slow", ValueTier.KEY, Duration.ofDays(1)));
            int slow = clocks - due;
            long started = System.nanoTime();
            produce(producer, "slow-" + run + "-", slow, ValueTier.KEY, i -> Instant.now());
            awaitProcessed("background clocks");
            double seconds = (System.nanoTime() - started) / 1e9;
            double openRate = slow / Math.max(seconds, 0.001);
            log("opened %,d background clocks in %.1f s (%,.0f/s)", slow, seconds, openRate);

            // a service that has run for a while has its firing path compiled: fire a burst of the measured size first,
            // unmeasured (its lateness is printed: what a freshly started instance does in its first burst)
            int warmup = (int) number("warmup", due);
            if (warmup > 0) {
                // shaped like the measured bursts (spread over the window), so that what it compiles is what they run
                publish(producer, policy("bench.warm", ValueTier.SME, Duration.ofSeconds(20)));
                Thread.sleep(2500);
                try (AlertReader warm = new AlertReader(topics.get(Topics.SLA_ALERTS), "warm-" + run + "-",
                        2L * warmup)) {
                    Instant w = Instant.now();
                    produce(producer, "warm-" + run + "-", warmup, ValueTier.SME,
                            i -> w.plusMillis((long) i * window * 1000L / warmup));
                    awaitProcessed("warm-up clocks");
                    warm.await(w.plusSeconds(20 + window + number("grace", 300)));
                    log("warm-up: %,d clocks, %,d alerts, firing %s (not counted)", warmup, warm.count(), warm.fired);
                }
            }

            // the due clocks start within `window` seconds of s: warnings at s + lead/2, breaches at s + lead
            long lead = number("lead", Math.max(30, (long) Math.ceil(due / Math.max(1000.0, openRate) * 4) + 20));
            publish(producer, policy("bench.fast", ValueTier.STRATEGIC, Duration.ofSeconds(lead)));
            Thread.sleep(2500); // the engine's policy catalogue refreshes every second
            try (AlertReader alerts = new AlertReader(topics.get(Topics.SLA_ALERTS), "due-" + run + "-", 2L * due)) {
                Instant s = Instant.now();
                produce(producer, "due-" + run + "-", due, ValueTier.STRATEGIC,
                        i -> s.plusMillis((long) i * window * 1000L / due));
                awaitProcessed("due clocks");
                log("opened %,d clocks starting within %d s of %s, %.1f s after the first; warnings fall due %d s "
                        + "after their start, breaches %d s", due, window, s,
                        Duration.between(s, Instant.now()).toMillis() / 1000.0, lead / 2, lead);
                alerts.await(s.plusSeconds(lead + window + number("grace", 300)));
                long changelog = changelogBytes();
                log("alerts %,d (repeats %,d); firing %s; delivery %s", alerts.count(), alerts.repeats(),
                        alerts.fired, alerts.delivered);
                alerts.printTimeline();
                log("changelog topics: %.1f MB", changelog / 1e6);
                return new Measured(alerts.fired, alerts.delivered, alerts.count(), alerts.repeats(), changelog,
                        openRate);
            }
        }
    }

    private List<BenchRow> rows(Measured m, long stateBytes, Latencies sequential, Latencies burst, double rss) {
        String kafkaBurst = String.format("raw Kafka, %,d records in %d s", due, window);
        List<BenchRow> rows = new ArrayList<>();
        rows.add(new BenchRow(NAME, "firing lateness p99 (firedAt - dueAt)", m.fired().p99(), "ms",
                kafkaBurst + " p99", burst.p99(), "p99 ≤ 1000 ms", m.fired().p99() <= 1000));
        rows.add(new BenchRow(NAME, "firing lateness p50", m.fired().p50(), "ms", kafkaBurst + " p50", burst.p50(),
                "", null));
        rows.add(new BenchRow(NAME, "firing lateness max", m.fired().max(), "ms", kafkaBurst + " max", burst.max(),
                "", null));
        rows.add(new BenchRow(NAME, "delivery lateness p99 (committed alert read - dueAt)", m.delivered().p99(), "ms",
                kafkaBurst + " p99", burst.p99(), "", null));
        rows.add(new BenchRow(NAME, "delivery lateness p50", m.delivered().p50(), "ms", kafkaBurst + " p50",
                burst.p50(), "", null));
        rows.add(new BenchRow(NAME, "delivery lateness max", m.delivered().max(), "ms", kafkaBurst + " max",
                burst.max(), "", null));
        rows.add(BenchRow.info(NAME, "raw Kafka end-to-end p50, one record at a time", sequential.p50(), "ms"));
        rows.add(BenchRow.info(NAME, "raw Kafka end-to-end p99, one record at a time", sequential.p99(), "ms"));
        rows.add(BenchRow.info(NAME, "clocks open", clocks, "clocks"));
        rows.add(BenchRow.info(NAME, "clocks due within " + window + " s (warning and breach each)", due, "clocks"));
        rows.add(new BenchRow(NAME, "alerts received", m.alerts(), "alerts", "", Double.NaN,
                "= 2 × due", m.alerts() == 2L * due));
        rows.add(new BenchRow(NAME, "alerts repeated", m.repeats(), "alerts", "", Double.NaN, "0", m.repeats() == 0));
        rows.add(BenchRow.info(NAME, "clocks opened per second", m.openRate(), "1/s"));
        rows.add(BenchRow.info(NAME, "state stores on disk (RocksDB, after a clean close)", stateBytes / 1e6, "MB"));
        rows.add(BenchRow.info(NAME, "state on disk per clock", (double) stateBytes / clocks, "bytes"));
        rows.add(BenchRow.info(NAME, "changelog topics (sum of partition sizes)", m.changelogBytes() / 1e6, "MB"));
        rows.add(BenchRow.info(NAME, "SLA service resident memory (after the bursts)", rss / 1e6, "MB"));
        return rows;
    }

    // ------------------------------------------------------------------------------------------ service

    private Map<String, String> serviceProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.kafka-streams.application-id", applicationId);
        p.put("kafka-streams.state.dir", stateDir.toString());
        p.put("quarkus.kafka-streams.bootstrap-servers", bootstrap);
        p.put("kafka.bootstrap.servers", bootstrap);
        p.put("quarkus.kafka-streams.topics", String.join(",", topics.get(Topics.OPPORTUNITIES),
                topics.get(Topics.ORDERS), topics.get(Topics.CUSTOMERS), topics.get(Topics.SLA_POLICIES)));
        p.put("esop.sla.topics.opportunities", topics.get(Topics.OPPORTUNITIES));
        p.put("esop.sla.topics.orders", topics.get(Topics.ORDERS));
        p.put("esop.sla.topics.customers", topics.get(Topics.CUSTOMERS));
        p.put("esop.sla.topics.policies", topics.get(Topics.SLA_POLICIES));
        p.put("esop.sla.topics.alerts", topics.get(Topics.SLA_ALERTS));
        p.put("esop.sla.topics.dead-letters", topics.get("esop.sla.dlq.v1"));
        p.put("esop.sla.publish-seed-policies", "false");
        p.put("mp.messaging.incoming.sla-alerts-in.topic", topics.get(Topics.SLA_ALERTS));
        p.put("mp.messaging.incoming.sla-alerts-in.group.id", applicationId + "-alert-history");
        p.put("mp.messaging.incoming.staff-in.group.id", applicationId + "-staff");
        p.put("esop.outbox.relay.transactional-id", applicationId + "-outbox");
        p.put("quarkus.datasource.reactive.url", "postgresql://localhost:5432/" + database);
        p.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:5432/" + database);
        // anything else the caller wants to try, e.g. -Dsla.set.esop.sla.fire-budget=100ms
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("sla.set."))
                .forEach(k -> p.put(k.substring("sla.set.".length()), System.getProperty(k)));
        return p;
    }

    private void createDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc("postgres"), "esop", "esop")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            c.createStatement().execute("CREATE DATABASE " + database);
        }
    }

    private static String jdbc(String db) {
        return System.getProperty("esop.jdbc.base", "jdbc:postgresql://localhost:5432/") + db;
    }

    // ------------------------------------------------------------------------------------------ Kafka

    /** The run's topics, with the partitions and clean-up policy of the declared topics they stand for. */
    private int createTopics() throws Exception {
        try (Admin admin = admin()) {
            Map<String, TopicDescription> real = admin.describeTopics(topics.keySet()).allTopicNames().get();
            Map<ConfigResource, Config> configs = admin.describeConfigs(topics.keySet().stream()
                    .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList()).all().get();
            List<NewTopic> created = new ArrayList<>();
            for (var e : topics.entrySet()) {
                int partitions = real.get(e.getKey()).partitions().size();
                String cleanup = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, e.getKey()))
                        .get("cleanup.policy").value();
                created.add(new NewTopic(e.getValue(), partitions, (short) 1).configs(Map.of("cleanup.policy", cleanup)));
            }
            admin.createTopics(created).all().get();
            log("topics %s", created.stream().map(t -> t.name() + "(" + t.numPartitions() + ")")
                    .collect(Collectors.joining(", ")));
            return real.get(Topics.SLA_ALERTS).partitions().size();
        }
    }

    private void cleanUp() {
        try (Admin admin = admin()) {
            Set<String> doomed = admin.listTopics().names().get().stream()
                    .filter(t -> t.startsWith(prefix) || t.startsWith(applicationId + "-")).collect(Collectors.toSet());
            admin.deleteTopics(doomed).all().get();
            // the service's consumer groups
            Set<String> groups = admin.listGroups().all().get().stream().map(g -> g.groupId())
                    .filter(g -> g.startsWith(applicationId)).collect(Collectors.toSet());
            if (!groups.isEmpty()) {
                admin.deleteConsumerGroups(groups).all().get();
            }
        } catch (Exception e) {
            // Streams members do not leave the group on close: the broker expires the empty groups later
            log("clean-up of topics and groups incomplete: %s", e.getMessage());
        }
        try (Connection c = DriverManager.getConnection(jdbc("postgres"), "esop", "esop")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (Exception e) {
            log("database %s not dropped: %s", database, e.getMessage());
        }
        try (var paths = Files.walk(stateDir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
        } catch (IOException e) {
            log("state directory %s not deleted: %s", stateDir, e.getMessage());
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 262144);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    private static SlaPolicy policy(String id, ValueTier tier, Duration target) {
        return new SlaPolicy(id, 1, tier, ProductLine.CLOUD, ClockType.OPPORTUNITY_FIRST_CONTACT, null, null, target,
                50, List.of(), BusinessCalendar.always(), Instant.EPOCH, Instant.now());
    }

    private void publish(KafkaProducer<String, byte[]> producer, SlaPolicy policy) throws Exception {
        producer.send(new ProducerRecord<>(topics.get(Topics.SLA_POLICIES), null, policy.key(), json(policy),
                headers(policy))).get();
    }

    private void produce(KafkaProducer<String, byte[]> producer, String idPrefix, int n, ValueTier tier,
            IntFunction<Instant> startedAt) {
        String topic = topics.get(Topics.OPPORTUNITIES);
        for (int i = 0; i < n; i++) {
            String id = idPrefix + i;
            String owner = "cm-" + (i % 500);
            OpportunityAssigned event = new OpportunityAssigned(id, 1, owner, "team-" + (i % 20), "benchmark", null,
                    CreditSplit.soleOwner(owner), "cust-" + (i % 50_000), ProductLine.CLOUD, tier, startedAt.apply(i));
            producer.send(new ProducerRecord<>(topic, null, id, json(event), headers(event)));
        }
        producer.flush();
    }

    /** Waits until the engine has committed its position at the end of the opportunities topic. */
    private void awaitProcessed(String what) throws Exception {
        String topic = topics.get(Topics.OPPORTUNITIES);
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames().get()
                    .get(topic).partitions().stream()
                    .collect(Collectors.toMap(i -> new TopicPartition(topic, i.partition()), i -> OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            long reported = 0;
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                        .partitionsToOffsetAndMetadata().get();
                long lag = 0;
                for (var e : ends.entrySet()) {
                    OffsetAndMetadata c = committed.get(e.getKey());
                    lag += Math.max(0, e.getValue().offset() - (c == null ? 0 : c.offset()));
                }
                if (lag == 0) {
                    return;
                }
                if (System.currentTimeMillis() - reported > 10_000) {
                    log("  %s: %,d to go", what, lag);
                    reported = System.currentTimeMillis();
                }
                Thread.sleep(250);
            }
        }
    }

    private long changelogBytes() throws Exception {
        try (Admin admin = admin()) {
            List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(n -> n.id()).toList();
            long total = 0;
            for (var perBroker : admin.describeLogDirs(brokers).allDescriptions().get().values()) {
                for (var dir : perBroker.values()) {
                    for (var replica : dir.replicaInfos().entrySet()) {
                        String t = replica.getKey().topic();
                        if (t.startsWith(applicationId + "-") && t.endsWith("-changelog")) {
                            total += replica.getValue().size();
                        }
                    }
                }
            }
            return total;
        }
    }

    /** Reads the committed alerts from the start and keeps their lateness; counts an alertId seen twice. */
    private final class AlertReader implements AutoCloseable {
        final Latencies fired = new Latencies();
        final Latencies delivered = new Latencies();
        private final long expected;
        private final Set<String> seen = new HashSet<>();
        private final AtomicLong count = new AtomicLong();
        private final AtomicLong repeats = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        AlertReader(String topic, String clockPrefix, long expected) {
            this.expected = expected;
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                    new ByteArrayDeserializer());
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            thread = new Thread(() -> {
                try (consumer) {
                    while (running.get()) {
                        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                            long now = System.currentTimeMillis();
                            AlertTimes alert = read(r.value());
                            if (!alert.subjectId().startsWith(clockPrefix)
                                    || alert.kind() != AlertKind.WARNING && alert.kind() != AlertKind.BREACHED) {
                                continue;
                            }
                            if (!seen.add(alert.alertId())) {
                                repeats.incrementAndGet();
                                continue;
                            }
                            count.incrementAndGet();
                            long late = alert.firedAt().toEpochMilli() - alert.dueAt().toEpochMilli();
                            fired.add(late);
                            synchronized (timeline) {
                                long[] due = timeline.computeIfAbsent(alert.dueAt().getEpochSecond(), k -> new long[3]);
                                due[0]++;
                                due[2] = Math.max(due[2], late);
                                timeline.computeIfAbsent(alert.firedAt().getEpochSecond(), k -> new long[3])[1]++;
                            }
                            delivered.add(now - alert.dueAt().toEpochMilli());
                        }
                    }
                }
            }, "alert-reader");
            thread.setDaemon(true);
            thread.start();
        }

        /** By second: alerts due, alerts fired, the most late of those due. */
        private final java.util.TreeMap<Long, long[]> timeline = new java.util.TreeMap<>();

        long count() {
            return count.get();
        }

        /** Second by second, how many alerts fell due and how many fired: where firing fell behind the burst. */
        void printTimeline() {
            synchronized (timeline) {
                StringBuilder b = new StringBuilder("  second   due/s  fired/s  max lateness of those due (ms)\n");
                timeline.forEach((second, v) -> b.append(String.format("  %s %7d %8d %8d%n",
                        java.time.LocalTime.ofSecondOfDay(second % 86_400), v[0], v[1], v[2])));
                System.out.print(b);
            }
        }

        long repeats() {
            return repeats.get();
        }

        /** Until every expected alert arrived or the deadline passed; then 3 s more, for a repeat to show. */
        void await(Instant deadline) throws InterruptedException {
            long reported = 0;
            while (count.get() < expected && Instant.now().isBefore(deadline)) {
                if (System.currentTimeMillis() - reported > 10_000) {
                    log("  alerts: %,d of %,d", count.get(), expected);
                    reported = System.currentTimeMillis();
                }
                Thread.sleep(200);
            }
            Thread.sleep(3000); // an alert beyond the expected ones would be a repeat
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(5000);
        }
    }

    /**
     * The fields of an alert the benchmark measures by. The reader shares the 2 cores with the service it measures:
     * binding only these costs it a fraction of reading whole {@link SlaAlert}s, CPU left to the engine.
     */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record AlertTimes(String alertId, String subjectId, AlertKind kind, Instant dueAt, Instant firedAt) {
    }

    private static AlertTimes read(byte[] value) {
        try {
            return JSON.readValue(value, AlertTimes.class);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable alert", e);
        }
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Headers headers(EsopEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEvents.SPEC_VERSION, bytes(CloudEvents.SPEC_VERSION_1_0));
        headers.add(CloudEvents.ID, bytes(UUID.randomUUID().toString()));
        headers.add(CloudEvents.TYPE, bytes(EventTypes.byPayload(event.getClass()).orElseThrow().name()));
        headers.add(CloudEvents.SOURCE, bytes("esop-bench"));
        headers.add(CloudEvents.SUBJECT, bytes(event.key()));
        headers.add(CloudEvents.TIME, bytes(event.occurredAt().toString()));
        headers.add(CloudEvents.CONTENT_TYPE, bytes(CloudEvents.APPLICATION_JSON));
        return headers;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    static long size(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** {@code -Dsla.<name>} (what ./esop bench forwards), else {@code -D<name>}, else the default. */
    static long number(String name, long otherwise) {
        String value = System.getProperty("sla." + name, System.getProperty(name));
        return value == null ? otherwise : Long.parseLong(value.replace("_", ""));
    }

    private static void log(String format, Object... args) {
        System.out.printf("[%s] %s%n", Instant.now().toString().substring(11, 19), String.format(format, args));
    }
}

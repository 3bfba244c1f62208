package io.esop.opportunity.bench;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.esop.contracts.Topics;
import io.esop.contracts.signal.Signal;
import io.esop.opportunity.support.Db;
import io.esop.opportunity.support.Kafka;
import io.esop.opportunity.support.ServiceProcess;
import io.esop.opportunity.support.SignalMix;

/**
 * End-to-end rate of the signal pipeline (persisted, assigned, published) next to two baselines on the
 * same machine and the same data: a raw Kafka consumer reading the same topic (what
 * {@code kafka-consumer-perf-test} measures) and batched JDBC inserts of the same rows into the same
 * PostgreSQL. Not a timed test: it prints figures. Opt-in:
 * {@code mvn package -DskipTests && mvn test -Dtest=SignalPipelineBenchmark -Desop.bench.signals=200000}.
 * Belongs in {@code load-tests/} once that module exists (it needs the packaged service).
 */
class SignalPipelineBenchmark {

    @Test
    void benchmark() throws Exception {
        int total = Integer.getInteger("esop.bench.signals", 0);
        Assumptions.assumeTrue(total > 0, "opt-in: -Desop.bench.signals=N");
        Assumptions.assumeTrue(ServiceProcess.packaged(), "needs target/quarkus-app (mvn package)");
        run(total);
    }

    public static void main(String[] args) throws Exception {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 200_000);
    }

    static void run(int total) throws Exception {
        String run = "bench" + UUID.randomUUID().toString().substring(0, 6);
        String topic = "esop.test.signals." + run;
        SignalMix mix = new SignalMix(run, total, 7);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Kafka.BOOTSTRAP))) {
            admin.createTopics(List.of(new NewTopic(topic, 12, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try {
                long t = System.nanoTime();
                mix.records.forEach(r -> Kafka.producer().send(new ProducerRecord<>(topic, r.key(), r.value())));
                Kafka.producer().flush();
                System.out.printf("produced %d records (%d unique valid, %d duplicates, %d invalid) in %.1f s%n", total,
                        mix.uniqueValid, mix.duplicates, mix.invalid, (System.nanoTime() - t) / 1e9);

                double consumerRate = rawConsumerRate(topic, total);
                double insertRate = rawInsertRate(mix);
                double pipelineRate = pipelineRate(topic, run, mix, total);

                System.out.println("=== signal pipeline benchmark, " + total + " signals ===");
                System.out.printf("raw Kafka consumer      : %,12.0f records/s%n", consumerRate);
                System.out.printf("raw batched inserts     : %,12.0f rows/s%n", insertRate);
                System.out.printf("pipeline (end to end)   : %,12.0f signals/s%n", pipelineRate);
                System.out.printf("pipeline / raw consumer : %6.1f %%%n", 100 * pipelineRate / consumerRate);
                System.out.printf("pipeline / raw inserts  : %6.1f %%  (target >= 50 %%)%n", 100 * pipelineRate / insertRate);
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Like kafka-consumer-perf-test: one consumer, all partitions, until every record is read. */
    static double rawConsumerRate(String topic, int total) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Kafka.BOOTSTRAP);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            long start = System.nanoTime();
            while (read < total) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            return read / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** The rows the pipeline persists (one per unique valid signal), as batched JDBC inserts. */
    static double rawInsertRate(SignalMix mix) throws Exception {
        try (Connection c = Db.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("create temp table bench_signal (like signal including defaults)");
            }
            c.setAutoCommit(false);
            long start = System.nanoTime();
            int rows = 0;
            java.util.Set<String> seen = new java.util.HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into bench_signal (signal_id, opportunity_id, outcome, source, strength, estimated_monthly_value,
                                              observed_at, detail, captured_by, received_at)
                    values (?, null, 'CREATED', ?, ?, ?, ?, ?, null, now()) on conflict do nothing""")) {
                for (SignalMix.Record r : mix.records) {
                    if (r.key().contains("-bad-") || !seen.add(r.key())) {
                        continue;
                    }
                    Signal s = Kafka.JSON.readValue(r.value(), Signal.class);
                    ps.setString(1, s.signalId());
                    ps.setString(2, s.source().name());
                    ps.setDouble(3, s.strength());
                    ps.setBigDecimal(4, s.estimatedMonthlyValue());
                    ps.setObject(5, java.sql.Timestamp.from(s.observedAt()));
                    ps.setString(6, s.detail());
                    ps.addBatch();
                    if (++rows % 1000 == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** From the service's start on the backlog until every signal is persisted, placed and its events published. */
    static double pipelineRate(String topic, String run, SignalMix mix, int total) throws Exception {
        try (ServiceProcess service = new ServiceProcess(topic, run, Map.of())) {
            service.start();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(() -> processed(mix) > 0);
            long start = System.nanoTime();
            long startCount = processed(mix);
            await().atMost(Duration.ofMinutes(Math.max(10, total / 500))).pollInterval(Duration.ofMillis(500))
                    .until(() -> processed(mix) == mix.uniqueValid && deadLetters(mix) == mix.invalid
                            && (Long) Db.single("select count(*) from esop_outbox where sent_at is null") == 0);
            double seconds = (System.nanoTime() - start) / 1e9;
            // every record consumed (duplicates and dead letters included) counts, as for the raw consumer
            return total * (1.0 - (double) startCount / mix.uniqueValid) / seconds;
        }
    }

    private static long processed(SignalMix mix) {
        return (Long) Db.single("select count(*) from signal where signal_id like ? and opportunity_id is not null",
                mix.prefix + "%");
    }

    private static int deadLetters(SignalMix mix) {
        return ((Long) Db.single("select count(*) from esop_outbox where topic = ? and message_key like ?",
                Topics.OPPORTUNITY_DLQ, mix.prefix + "bad-%")).intValue();
    }
}

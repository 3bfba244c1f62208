package io.esop.opportunity.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.esop.contracts.Topics;
import io.esop.opportunity.support.Db;
import io.esop.opportunity.support.Kafka;
import io.esop.opportunity.support.ServiceProcess;
import io.esop.opportunity.support.SignalMix;
import io.esop.testing.PackagedService;
import io.esop.testing.TestTopics;

/**
 * SIGKILL while signals stream in, restart, and every signal is accounted for exactly once (created,
 * merged or dead-lettered), no opportunity is duplicated and no event is lost.
 * <p>
 * Runs after {@code package} (Failsafe) against the packaged service: by default 5,000 signals and one kill
 * (about a minute); the scale is opt-in: {@code ./mvnw -o verify -pl services/opportunity
 * -Dit.test=SignalReliabilityIT -Desop.reliability.signals=100000} ({@code -Desop.reliability.kills=N}, default 1; the recorded 100,000 run used 2).
 */
class SignalReliabilityIT {

    @Test
    void killedMidStreamAndRestartedEverySignalIsAccountedForExactlyOnce() throws Exception {
        int total = Integer.getInteger("esop.reliability.signals", 5_000);
        int kills = Integer.getInteger("esop.reliability.kills", 1);
        Assumptions.assumeTrue(ServiceProcess.packaged(), "needs target/quarkus-app (mvn package)");

        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "esop.test.signals." + run;
        SignalMix mix = new SignalMix(run, total, 42);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Kafka.BOOTSTRAP))) {
            TestTopics.create(admin, Kafka.BOOTSTRAP, List.of(new NewTopic(topic, 12, (short) 1)));
            Map<TopicPartition, Long> eventsStart = endOffsets(Topics.OPPORTUNITIES);
            try {
                long started = System.nanoTime();
                PackagedService service = ServiceProcess.start(topic, run);
                Thread producer = new Thread(() -> mix.records.forEach(r ->
                        Kafka.producer().send(new ProducerRecord<>(topic, r.key(), r.value()))));
                producer.start();

                // kill it hard at 1/(kills+1), 2/(kills+1), … of the way, restarting it each time
                for (int k = 1; k <= kills; k++) {
                    long mark = (long) mix.uniqueValid * k / (kills + 1);
                    await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50))
                            .until(() -> processed(mix) >= mark);
                    service.kill();
                    System.out.printf("SIGKILL %d after %d of %d unique signals%n", k, processed(mix), mix.uniqueValid);
                    service = ServiceProcess.start(topic, run);
                }
                producer.join();
                Kafka.producer().flush();

                try (PackagedService last = service) {
                    await().atMost(Duration.ofMinutes(Math.max(10, total / 1000))).pollInterval(Duration.ofSeconds(1))
                            .until(() -> processed(mix) == mix.uniqueValid && deadLetters(mix) == mix.invalid
                                    && unsent() == 0);
                }
                System.out.printf("%d signals with %d kills settled in %.1f s%n", total, kills,
                        (System.nanoTime() - started) / 1e9);

                // exactly once in the database
                assertThat(Db.single("select count(*) from signal where signal_id like ? and outcome in ('CREATED','MERGED')",
                        mix.prefix + "%")).isEqualTo((long) mix.uniqueValid);
                assertThat(Db.single("select count(*) from signal where signal_id like ? and outcome = 'RECEIVED'",
                        mix.prefix + "%")).isEqualTo(0L);
                assertThat(deadLetters(mix)).isEqualTo(mix.invalid);
                long opportunities = (Long) Db.single("select count(distinct opportunity_id) from signal where signal_id like ?",
                        mix.prefix + "%");
                assertThat(opportunities).as("one opportunity per prospect, no duplicate").isEqualTo(mix.prospectsUsed.size());
                assertThat(Db.single("select count(*) from signal where signal_id like ? and outcome = 'CREATED'",
                        mix.prefix + "%")).isEqualTo(opportunities);

                // no lost event: every opportunity's sequences 1..n are on the topic
                Map<String, Long> lastSequence = new HashMap<>();
                try (var c = Db.connect(); var ps = c.prepareStatement("""
                        select o.id, o.sequence from opportunity o
                        where o.id in (select opportunity_id from signal where signal_id like ?)""")) {
                    ps.setString(1, mix.prefix + "%");
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            lastSequence.put(rs.getString(1), rs.getLong(2));
                        }
                    }
                }
                Map<String, Set<Long>> seen = readEvents(eventsStart, lastSequence);
                long expected = lastSequence.values().stream().mapToLong(Long::longValue).sum();
                long found = seen.values().stream().mapToLong(Set::size).sum();
                System.out.printf("signals=%d unique=%d duplicates=%d invalid=%d opportunities=%d events=%d%n", total,
                        mix.uniqueValid, mix.duplicates, mix.invalid, opportunities, found);
                assertThat(found).as("distinct (opportunity, sequence) events published").isEqualTo(expected);
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
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

    private static long unsent() {
        return (Long) Db.single("select count(*) from esop_outbox where sent_at is null");
    }

    private static Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }

    private static Map<String, Set<Long>> readEvents(Map<TopicPartition, Long> from, Map<String, Long> wanted)
            throws Exception {
        Map<String, Set<Long>> seen = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            Map<TopicPartition, Long> end = consumer.endOffsets(from.keySet());
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (System.nanoTime() < deadline && from.keySet().stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.key() != null && wanted.containsKey(r.key()) && r.value() != null) {
                        JsonNode event = Kafka.JSON.readTree(r.value());
                        seen.computeIfAbsent(r.key(), k -> new HashSet<>()).add(event.get("sequence").asLong());
                    }
                }
            }
        }
        return seen;
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Kafka.BOOTSTRAP);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }
}

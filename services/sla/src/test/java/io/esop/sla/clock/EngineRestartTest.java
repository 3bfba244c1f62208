package io.esop.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.esop.contracts.sla.AlertKind;
import io.esop.contracts.sla.SlaAlert;
import io.esop.sla.clock.messaging.SlaTopics;
import io.esop.sla.clock.messaging.SlaTopology;
import io.esop.sla.support.Events;
import io.esop.sla.support.KafkaSupport;
import io.esop.sla.support.KafkaSupport.AlertCollector;
import io.esop.sla.support.TestPolicies;

/**
 * Stops the engine between a warning and the breach, throws its local state away, starts a new instance: the
 * clocks come back from their changelogs, the breach that fell due while it was down fires at once, the
 * escalations on time, and no alert is repeated. Real Kafka, private topics, its own application id.
 */
class EngineRestartTest {

    static final int CLOCKS = 5;

    String run;
    SlaTopics topics;
    String applicationId;
    KafkaStreams streams;
    AlertCollector alerts;
    KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void setUp() {
        run = UUID.randomUUID().toString().substring(0, 8);
        String p = "esop-test.restart." + run + ".";
        topics = new SlaTopics(p + "opportunities", p + "orders", p + "customers", p + "policies", p + "alerts",
                p + "dlq");
        applicationId = "esop-sla-restart-" + run;
        KafkaSupport.createTopics(List.of(new NewTopic(topics.opportunities(), 3, (short) 1),
                new NewTopic(topics.orders(), 3, (short) 1),
                new NewTopic(topics.customers(), 1, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                new NewTopic(topics.policies(), 1, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                new NewTopic(topics.alerts(), 3, (short) 1), new NewTopic(topics.deadLetters(), 1, (short) 1)));
        producer = KafkaSupport.producer();
        TestPolicies.all().forEach(policy -> KafkaSupport.send(producer, topics.policies(), null, policy));
        alerts = new AlertCollector(topics.alerts());
    }

    @AfterEach
    void tearDown() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
        }
        alerts.close();
        producer.close();
        KafkaSupport.deleteTopics(List.of(topics.opportunities(), topics.orders(), topics.customers(),
                topics.policies(), topics.alerts(), topics.deadLetters()), List.of(applicationId + "-"));
    }

    KafkaStreams start(String stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaSupport.BOOTSTRAP);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // a stable identity, as a StatefulSet pod has: the restarted instance takes its place in the group at
        // once instead of waiting for the old member's session to expire
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), "sla-" + run);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10000);
        KafkaStreams instance = new KafkaStreams(SlaTopology.build(topics, Duration.ofMillis(250), Duration.ofMillis(50), Events.JSON),
                props);
        instance.start();
        await().atMost(Duration.ofSeconds(90)).until(() -> instance.state() == KafkaStreams.State.RUNNING);
        return instance;
    }

    List<AlertKind> kinds(String clockId) {
        return alerts.of(clockId).stream().map(SlaAlert::kind).toList();
    }

    @Test
    void aRestartMissesNoAlertAndRepeatsNone() throws Exception {
        String firstDir = "target/restart-" + run + "-a";
        streams = start(firstDir);
        Instant start = Instant.now();
        List<String> clockIds = IntStream.range(0, CLOCKS).mapToObj(i -> "restart-" + run + "-" + i).map(opp -> {
            KafkaSupport.send(producer, topics.opportunities(), null, Events.assigned(opp, 1, "cm-zhang",
                    TestPolicies.FAST_TIER, TestPolicies.LINE, start));
            return ClockIds.firstContact(opp);
        }).toList();
        // warnings at +3 s
        await().atMost(Duration.ofSeconds(60)).until(() -> clockIds.stream()
                .allMatch(id -> kinds(id).contains(AlertKind.WARNING)));
        assertThat(streams.close(Duration.ofSeconds(30))).isTrue();
        streams = null;
        deleteRecursively(Path.of(firstDir)); // the new instance must rebuild everything from the changelogs
        assertThat(clockIds).allMatch(id -> kinds(id).equals(List.of(AlertKind.WARNING)));

        // the breach (+6 s) falls due while no instance runs
        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(start.plusSeconds(7)));
        streams = start("target/restart-" + run + "-b");

        await().atMost(Duration.ofSeconds(60)).until(() -> clockIds.stream().allMatch(id -> kinds(id).size() >= 4));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> clockIds.stream().allMatch(id -> kinds(id).size() == 4));
        for (String id : clockIds) {
            List<SlaAlert> got = alerts.of(id);
            assertThat(got).extracting(SlaAlert::kind).containsExactly(AlertKind.WARNING, AlertKind.BREACHED,
                    AlertKind.ESCALATED, AlertKind.ESCALATED);
            assertThat(got).extracting(SlaAlert::alertId).doesNotHaveDuplicates();
            assertThat(got.get(1).dueAt()).isEqualTo(start.plusSeconds(6));
            assertThat(got.get(3).dueAt()).isEqualTo(start.plusSeconds(12));
            // the escalations fell due after the restart: on time
            assertThat(Duration.between(got.get(3).dueAt(), got.get(3).firedAt())).isLessThan(Duration.ofSeconds(2));
        }
    }

    static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}

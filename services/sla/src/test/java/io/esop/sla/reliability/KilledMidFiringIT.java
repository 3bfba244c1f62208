package io.esop.sla.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.esop.contracts.sla.AlertKind;
import io.esop.contracts.sla.SlaAlert;
import io.esop.sla.clock.ClockIds;
import io.esop.sla.support.Events;
import io.esop.sla.support.KafkaSupport;
import io.esop.sla.support.KafkaSupport.AlertCollector;
import io.esop.sla.support.PackagedSla;
import io.esop.sla.support.TestPolicies;
import io.esop.testing.PackagedService;

/**
 * The packaged service SIGKILLed while it fires: {@value #CLOCKS} clocks whose four alerts each (warning, breach,
 * two escalations) fall due over ~20 s, the service killed twice in the middle of that (no shutdown hook, an open
 * Kafka transaction left behind), restarted on the same state directory with the same static group member id, as
 * a StatefulSet pod would be. A {@code read_committed} reader must then see every alert exactly once, in order per
 * clock: nothing missed, nothing repeated.
 */
class KilledMidFiringIT {

    static final int CLOCKS = 200;
    static final int KILLS = 2;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String database = "sla_kill_" + run;
    final String applicationId = "esop-sla-kill-" + run;
    final String prefix = "esop-test.kill." + run + ".";
    final Map<String, String> topics = new LinkedHashMap<>();
    final List<PackagedService> started = new ArrayList<>();
    Path stateDir;
    AlertCollector alerts;
    KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void setUp() throws Exception {
        for (String name : List.of("opportunities", "orders", "customers", "policies", "alerts", "dlq")) {
            topics.put(name, prefix + name);
        }
        KafkaSupport.createTopics(List.of(new NewTopic(topics.get("opportunities"), 3, (short) 1),
                new NewTopic(topics.get("orders"), 3, (short) 1),
                new NewTopic(topics.get("customers"), 1, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                new NewTopic(topics.get("policies"), 1, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                new NewTopic(topics.get("alerts"), 3, (short) 1), new NewTopic(topics.get("dlq"), 1, (short) 1)));
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("create database " + database + " owner esop");
        }
        stateDir = Files.createDirectories(Path.of("target", "kill-" + run));
        producer = KafkaSupport.producer();
        TestPolicies.all().forEach(policy -> KafkaSupport.send(producer, topics.get("policies"), null, policy));
        alerts = new AlertCollector(topics.get("alerts"));
    }

    @AfterEach
    void tearDown() throws Exception {
        for (PackagedService service : started) {
            service.kill();
        }
        alerts.close();
        producer.close();
        KafkaSupport.deleteTopics(topics.values(), List.of(applicationId + "-"));
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
        }
        try (var paths = Files.walk(stateDir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    @Test
    void killedWhileFiringItMissesNoAlertAndRepeatsNone() throws Exception {
        PackagedService service = start(0);
        // clocks start 100 ms apart: their alerts (3, 6, 9, 12 s after the start) fall due over ~32 s
        Instant first = Instant.now();
        List<String> clockIds = IntStream.range(0, CLOCKS).mapToObj(i -> {
            String opportunity = "kill-" + run + "-" + i;
            KafkaSupport.send(producer, topics.get("opportunities"), null, Events.assigned(opportunity, 1,
                    "cm-zhang", TestPolicies.FAST_TIER, TestPolicies.LINE, first.plusMillis(100L * i)));
            return ClockIds.firstContact(opportunity);
        }).toList();
        producer.flush();

        for (int kill = 1; kill <= KILLS; kill++) {
            int before = received(clockIds);
            // let it fire a while, then SIGKILL it in the middle of the stream of alerts
            await().atMost(Duration.ofSeconds(60)).until(() -> received(clockIds) >= before + CLOCKS / 2);
            service.kill(); // SIGKILL: no shutdown hook, Streams not closed, transaction open
            service = start(kill);
        }

        await().atMost(Duration.ofSeconds(120)).until(() -> received(clockIds) >= 4 * CLOCKS);
        Thread.sleep(3000); // a repeat would arrive after the last expected alert
        assertThat(received(clockIds)).as("alerts received").isEqualTo(4 * CLOCKS);
        for (String id : clockIds) {
            List<SlaAlert> got = alerts.of(id);
            assertThat(got).as(id).extracting(SlaAlert::kind).containsExactly(AlertKind.WARNING, AlertKind.BREACHED,
                    AlertKind.ESCALATED, AlertKind.ESCALATED);
            assertThat(got).as(id).extracting(SlaAlert::alertId).doesNotHaveDuplicates();
        }
    }

    private int received(List<String> clockIds) {
        return clockIds.stream().mapToInt(id -> alerts.of(id).size()).sum();
    }

    private PackagedService start(int incarnation) {
        PackagedService service = PackagedSla.start(applicationId, topics, database, stateDir, applicationId + "-0",
                Path.of("target", "kill-" + run + "-" + incarnation + ".log"));
        started.add(service);
        service.awaitReady(PackagedSla.READY);
        // the member id the chart gives a StatefulSet pod (ESOP_SLA_INSTANCE_ID) is the one the group knows (each
        // stream thread's consumer is a member of its own: the id, then the thread's number)
        try (Admin admin = KafkaSupport.admin()) {
            await("the group knows the restarted member").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(admin.describeConsumerGroups(List.of(applicationId)).all().get()
                            .get(applicationId).members())
                            .isNotEmpty()
                            .extracting(member -> member.groupInstanceId().orElse("(dynamic)"))
                            .allSatisfy(id -> assertThat(id).startsWith(applicationId + "-0-")));
        }
        return service;
    }

    private static Connection connect(String db) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:5432/" + db, "esop", "esop");
    }
}

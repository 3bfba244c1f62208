package io.esop.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.esop.sla.support.Events;
import io.esop.sla.support.KafkaSupport;
import io.esop.sla.support.PackagedSla;
import io.esop.sla.support.TestPolicies;
import io.esop.testing.PackagedService;
import io.esop.testing.Tokens;

/**
 * Two packaged instances share the engine's partitions; each answers {@code GET /clocks} for every subject, asking
 * the other (found through Kafka Streams metadata) for the clocks it does not hold.
 */
class ClocksAcrossInstancesIT {

    static final int SUBJECTS = 12;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String database = "sla_iq_" + run;
    final String applicationId = "esop-sla-iq-" + run;
    final Map<String, String> topics = new LinkedHashMap<>();
    final List<PackagedService> started = new ArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();
    Path stateDir;

    @BeforeEach
    void setUp() throws Exception {
        String prefix = "esop-test.iq." + run + ".";
        for (String name : List.of("opportunities", "orders", "customers", "policies", "alerts", "dlq")) {
            topics.put(name, prefix + name);
        }
        KafkaSupport.createTopics(List.of(new NewTopic(topics.get("opportunities"), 6, (short) 1),
                new NewTopic(topics.get("orders"), 6, (short) 1),
                new NewTopic(topics.get("customers"), 1, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                new NewTopic(topics.get("policies"), 1, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                new NewTopic(topics.get("alerts"), 6, (short) 1), new NewTopic(topics.get("dlq"), 1, (short) 1)));
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", "esop", "esop");
                Statement s = c.createStatement()) {
            s.execute("create database " + database + " owner esop");
        }
        stateDir = Files.createDirectories(Path.of("target", "iq-" + run));
    }

    @AfterEach
    void tearDown() throws Exception {
        for (PackagedService service : started) {
            service.kill();
        }
        KafkaSupport.deleteTopics(topics.values(), List.of(applicationId + "-"));
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", "esop", "esop");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
        }
        try (var paths = Files.walk(stateDir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    @Test
    void eachInstanceAnswersForTheClocksTheOtherHolds() throws Exception {
        PackagedService a = start("a");
        PackagedService b = start("b");
        a.awaitReady(PackagedSla.READY);
        b.awaitReady(PackagedSla.READY);
        try (KafkaProducer<String, byte[]> producer = KafkaSupport.producer()) {
            TestPolicies.all().forEach(policy -> KafkaSupport.send(producer, topics.get("policies"), null, policy));
            Thread.sleep(2000); // the policy catalogue refreshes every second
            Instant now = Instant.now();
            IntStream.range(0, SUBJECTS).forEach(i -> KafkaSupport.send(producer, topics.get("opportunities"), null,
                    Events.assigned(subject(i), 1, "cm-zhang", TestPolicies.SLOW_TIER, TestPolicies.LINE, now)));
        }
        // once the group has settled, every subject's clock is found through either instance
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> IntStream
                .range(0, SUBJECTS).allMatch(i -> status(a, "/clocks", i) == 200 && status(b, "/clocks", i) == 200));
        List<Integer> onA = IntStream.range(0, SUBJECTS).filter(i -> status(a, "/clocks/local", i) == 200).boxed()
                .toList();
        List<Integer> onB = IntStream.range(0, SUBJECTS).filter(i -> status(b, "/clocks/local", i) == 200).boxed()
                .toList();
        assertThat(onA).as("some clocks live on A").isNotEmpty();
        assertThat(onB).as("some clocks live on B").isNotEmpty();
        assertThat(onA).doesNotContainAnyElementsOf(onB);
        assertThat(onA.size() + onB.size()).isEqualTo(SUBJECTS);
        String body = get(a, "/clocks", onB.get(0)).body();
        assertThat(body).contains(ClockIds.firstContact(subject(onB.get(0)))).contains("\"remaining\"");
        // scope travels with the token: a manager who is not responsible sees nothing, here or there
        assertThat(get(a, "/clocks", onB.get(0), "cm-wu").statusCode()).isEqualTo(404);
    }

    private String subject(int i) {
        return "iq-" + run + "-" + i;
    }

    private PackagedService start(String name) {
        PackagedService service = PackagedSla.start(applicationId, topics, database, stateDir.resolve(name), null,
                Path.of("target", "iq-" + run + "-" + name + ".log"));
        started.add(service);
        return service;
    }

    private int status(PackagedService service, String path, int subject) {
        try {
            return get(service, path, subject).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private HttpResponse<String> get(PackagedService service, String path, int subject) throws Exception {
        return get(service, path, subject, "admin");
    }

    private HttpResponse<String> get(PackagedService service, String path, int subject, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(service.url() + path
                + "?subjectType=OPPORTUNITY&subjectId=" + subject(subject)))
                .header("Authorization", Tokens.bearer(user)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

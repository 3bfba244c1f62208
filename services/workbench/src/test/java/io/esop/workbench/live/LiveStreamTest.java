package io.esop.workbench.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.esop.contracts.EventTypes;
import io.esop.contracts.sla.AlertKind;
import io.esop.contracts.sla.ClockType;
import io.esop.contracts.sla.SlaAlert;
import io.esop.contracts.sla.SlaSubjectType;
import io.esop.workbench.support.CodeFlowLogin;
import io.esop.workbench.support.Kafka;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/**
 * The live stream end to end: a real Keycloak session subscribes to /live; SLA alerts produced to Kafka reach the
 * user whose customer they concern, and an alert of another team's customer does not.
 */
@QuarkusTest
class LiveStreamTest {

    @Test
    void anEventForTheUsersCustomerArrivesAndAnotherTeamsDoesNot() throws Exception {
        HttpClient zhang = CodeFlowLogin.login("cm-zhang");
        List<String> lines = new CopyOnWriteArrayList<>();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (KafkaProducer<String, String> producer = Kafka.producer()) {
            reader.submit(() -> {
                HttpResponse<Stream<String>> stream = zhang.send(
                        HttpRequest.newBuilder(URI.create(CodeFlowLogin.WORKBENCH + "/live"))
                                .header("Accept", "text/event-stream").GET().build(),
                        HttpResponse.BodyHandlers.ofLines());
                stream.body().forEach(lines::add);
                return null;
            });
            await("the stream says it is ready").atMost(Duration.ofSeconds(60))
                    .until(() -> lines.stream().anyMatch(line -> line.equals("event:ready")));

            String run = UUID.randomUUID().toString().substring(0, 8);
            String ours = "alert-ours-" + run;
            String theirs = "alert-theirs-" + run;
            // the same clock id (the key): one partition, so "theirs" is processed before "ours" each round
            String clockId = "clock-wb-test-" + run;
            // the consumers start at the latest offset once their partitions are assigned: repeat until seen
            await("our alert on the stream").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3))
                    .until(() -> {
                        Kafka.send(producer, EventTypes.SLA_ALERT, alert(theirs, clockId, "cust-hz01", "cm-li"));
                        Kafka.send(producer, EventTypes.SLA_ALERT, alert(ours, clockId, "cust-acme", "cm-zhang"));
                        return lines.stream().anyMatch(line -> line.contains(clockId) && line.contains("cust-acme"));
                    });
            assertThat(lines).filteredOn(line -> line.startsWith("data:") && line.contains(clockId))
                    .allSatisfy(line -> assertThat(line).contains("cust-acme").contains("SLA 预警")
                            .doesNotContain("cust-hz01"));
        } finally {
            reader.shutdownNow();
        }
    }

    private static SlaAlert alert(String alertId, String clockId, String customerId, String responsible) {
        Instant now = Instant.now();
        return new SlaAlert(alertId + "-" + UUID.randomUUID(), clockId, ClockType.OPPORTUNITY_FIRST_CONTACT,
                AlertKind.WARNING, 0, SlaSubjectType.OPPORTUNITY, "opp-wb-test", null, customerId, responsible,
                null, now.plusSeconds(3600), now, "policy-wb-test", 1, now);
    }
}

package io.esop.order.flow;

import static io.esop.order.support.Api.PATIENCE;
import static io.esop.order.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.esop.contracts.EventTypes;
import io.esop.contracts.Topics;
import io.esop.contracts.order.Milestone;
import io.esop.contracts.order.OrderProgressEvent;
import io.esop.contracts.order.ProgressKind;
import io.esop.eventing.deadletter.DeadLetterHeaders;
import io.esop.order.support.Api;
import io.esop.order.support.FulfilmentSimulator;
import io.esop.order.support.Kafka;
import io.esop.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A progress stream replayed twice, shuffled within each order, ends in the same state and timeline as the same
 * reports delivered once in order; a late report never moves the state back; an unknown order and an unreadable
 * report are dead-lettered with the reason.
 */
@QuarkusTest
class ProgressReplayTest {

    @Test
    void replayedTwiceShuffledGivesTheSameStateAndTimeline() {
        try (Kafka kafka = new Kafka()) {
            kafka.ensureAcme();
            String reference = Api.quickOrder("cm-zhang", "cust-acme", "cm-zhang");
            List<String> shuffled = List.of(Api.quickOrder("cm-zhang", "cust-acme", "ent-acme"),
                    Api.quickOrder("cm-zhang", "cust-acme", "ent-acme"));
            Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);

            // the reference: every report once, in order
            FulfilmentSimulator.send(kafka, FulfilmentSimulator.plan(reference, start, true));

            // the others: the same reports (their own eventIds), the whole stream twice, shuffled within each
            // order, the orders interleaved
            Random random = new Random(7);
            List<List<OrderProgressEvent>> plans = shuffled.stream()
                    .map(id -> FulfilmentSimulator.plan(id, start, true)).toList();
            for (int pass = 0; pass < 2; pass++) {
                List<List<OrderProgressEvent>> passes = plans.stream()
                        .map(p -> FulfilmentSimulator.disorder(p, random, 0.0)).toList();
                List<OrderProgressEvent> interleaved = new ArrayList<>();
                int longest = passes.stream().mapToInt(List::size).max().orElse(0);
                for (int i = 0; i < longest; i++) {
                    for (List<OrderProgressEvent> p : passes) {
                        if (i < p.size()) {
                            interleaved.add(p.get(i));
                        }
                    }
                }
                FulfilmentSimulator.send(kafka, interleaved);
            }

            int expectedSize = plans.get(0).size();
            List<String> all = new ArrayList<>(shuffled);
            all.add(reference);
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> all.stream()
                    .allMatch(id -> as("cm-zhang").get("/api/orders/" + id + "/timeline").jsonPath().getList("$")
                            .size() == expectedSize
                            && "completed".equals(as("cm-zhang").get("/api/orders/" + id).jsonPath().getString("state"))));

            Outcome expected = outcome(reference);
            assertThat(expected.state()).isEqualTo("completed");
            for (String id : shuffled) {
                assertThat(outcome(id)).as(id).isEqualTo(expected);
            }
        }
    }

    @Test
    void aLateReportNeverMovesTheStateBack() {
        try (Kafka kafka = new Kafka()) {
            kafka.ensureAcme();
            String orderId = Api.quickOrder("cm-zhang", "cust-acme", "cm-zhang");
            Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            // 3 (held) arrives first, then 1 and 2 late: the order stays held, the timeline is 1, 2, 3
            FulfilmentSimulator.send(kafka, List.of(
                    report(orderId, 3, null, ProgressKind.HELD, at.plusSeconds(3)),
                    report(orderId, 1, Milestone.RESOURCE_CHECK, ProgressKind.MILESTONE_STARTED, at.plusSeconds(1)),
                    report(orderId, 2, Milestone.RESOURCE_CHECK, ProgressKind.MILESTONE_COMPLETED, at.plusSeconds(2))));
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> as("cm-zhang")
                    .get("/api/orders/" + orderId + "/timeline").jsonPath().getList("$").size() == 3);
            JsonPath order = as("cm-zhang").get("/api/orders/" + orderId).then().statusCode(200).extract().jsonPath();
            assertThat(order.getString("state")).isEqualTo("held");
            assertThat(order.<Integer>getList("timeline.sequence")).containsExactly(1, 2, 3);
            // resumed at 4: back in progress
            FulfilmentSimulator.send(kafka, List.of(report(orderId, 4, null, ProgressKind.RESUMED, at.plusSeconds(4))));
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> "inProgress"
                    .equals(as("cm-zhang").get("/api/orders/" + orderId).jsonPath().getString("state")));
        }
    }

    @Test
    void unknownOrdersAndUnreadableReportsAreDeadLettered() {
        String unknown = Api.unique("ORD-unknown");
        String garbageKey = Api.unique("garbage");
        try (Kafka kafka = new Kafka(); TopicProbe dlq = TopicProbe.atEnd(Topics.ORDER_DLQ)) {
            FulfilmentSimulator.send(kafka, List.of(report(unknown, 1, Milestone.RESOURCE_CHECK,
                    ProgressKind.MILESTONE_STARTED, Instant.now())));
            kafka.sendRaw(Topics.ORDER_PROGRESS, garbageKey, "{\"orderId\": 42, \"kind\": \"EXPLODED\"}",
                    EventTypes.ORDER_PROGRESS_REPORTED.name(), Api.unique("ce"));

            List<ConsumerRecord<String, String>> letters = dlq.await(TopicProbe.key(unknown), 1, PATIENCE);
            assertThat(letters).hasSize(1);
            assertThat(TopicProbe.header(letters.get(0), DeadLetterHeaders.REASON)).contains("unknown order " + unknown);
            assertThat(TopicProbe.header(letters.get(0), DeadLetterHeaders.TOPIC)).isEqualTo(Topics.ORDER_PROGRESS);
            List<ConsumerRecord<String, String>> garbage = dlq.await(TopicProbe.key(garbageKey), 1, PATIENCE);
            assertThat(garbage).hasSize(1);
            assertThat(TopicProbe.header(garbage.get(0), DeadLetterHeaders.REASON)).contains("unreadable");
        }
    }

    record Outcome(String state, String stateReason, String billingStartDate, String completedAt, List<String> timeline) {
    }

    static Outcome outcome(String orderId) {
        JsonPath order = as("cm-zhang").get("/api/orders/" + orderId).then().statusCode(200).extract().jsonPath();
        List<String> timeline = new ArrayList<>();
        for (Map<String, Object> e : order.<Map<String, Object>>getList("timeline")) {
            timeline.add(e.get("sequence") + "|" + e.get("milestone") + "|" + e.get("kind") + "|" + e.get("detail")
                    + "|" + e.get("occurredAt") + "|" + e.get("system"));
        }
        return new Outcome(order.getString("state"), order.getString("stateReason"),
                order.getString("billingStartDate"), order.getString("completedAt"), timeline);
    }

    static OrderProgressEvent report(String orderId, long sequence, Milestone milestone, ProgressKind kind,
            Instant at) {
        return new OrderProgressEvent(java.util.UUID.randomUUID().toString(), orderId, sequence, milestone, kind, at, "OSS-TEST", null);
    }
}

package io.esop.sla.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

import io.esop.contracts.CloudEvents;
import io.esop.contracts.Topics;
import io.esop.contracts.opportunity.OpportunityStage;
import io.esop.contracts.sla.AlertKind;
import io.esop.contracts.sla.ClockType;
import io.esop.contracts.sla.SlaAlert;
import io.esop.contracts.sla.SlaSubjectType;
import io.esop.eventing.deadletter.DeadLetterHeaders;
import io.esop.sla.clock.ClockIds;
import io.esop.sla.clock.service.ClockQueries;
import io.esop.sla.support.Engine;
import io.esop.sla.support.Events;
import io.esop.sla.support.KafkaSupport;
import io.esop.sla.support.SlaTestResource;
import io.esop.sla.support.TestPolicies;
import io.esop.testing.TopicProbe;
import io.esop.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** Alerts reach the history (esop.sla-alerts.v1 → PostgreSQL), are listed per user and team, and acknowledged. */
@QuarkusTest
@WithTestResource(SlaTestResource.class)
class AlertHistoryTest {

    @Inject
    ClockQueries clocks;

    static void staff(String staffId, String team, String director) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/sla_test", "esop", "esop");
                var st = c.prepareStatement("insert into sla_staff (staff_id, team_id, director_id, role, version) "
                        + "values (?, ?, ?, 'CUSTOMER_MANAGER', 0) on conflict (staff_id) do nothing")) {
            st.setString(1, staffId);
            st.setString(2, team);
            st.setString(3, director);
            st.executeUpdate();
        }
    }

    static JsonPath alerts(String user, String path, String state) {
        return given().header("Authorization", Tokens.bearer(user)).queryParam("state", state).queryParam("limit", 200)
                .get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void alertsAreKeptListedAndAcknowledged() throws Exception {
        // the staff directory as esop.staff.v1 would have it (the customer service owns that topic)
        staff("cm-zhang", "sh-enterprise", "dir-wang");
        Engine.awaitReady(clocks);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String late = "hist-late-" + run;
        String onTime = "hist-ok-" + run;
        try (KafkaProducer<String, byte[]> producer = KafkaSupport.producer()) {
            Instant start = Instant.now();
            KafkaSupport.send(producer, Events.assigned(late, 1, "cm-zhang", TestPolicies.FAST_TIER,
                    TestPolicies.LINE, start));
            KafkaSupport.send(producer, Events.assigned(onTime, 1, "cm-zhang", TestPolicies.SLOW_TIER,
                    TestPolicies.LINE, start));
            KafkaSupport.send(producer, Events.stage(onTime, 2, OpportunityStage.ASSIGNED, OpportunityStage.CONTACTED,
                    TestPolicies.SLOW_TIER, TestPolicies.LINE, start.plusSeconds(1)));
            String warning = ClockIds.firstContact(late) + ":WARNING:0";
            String breach = ClockIds.firstContact(late) + ":BREACHED:0";
            await().atMost(Duration.ofSeconds(60)).until(() -> alerts("cm-zhang", "/alerts/mine", "OPEN")
                    .getList("items.alertId", String.class).containsAll(List.of(warning, breach)));
            KafkaSupport.send(producer, Events.stage(late, 2, OpportunityStage.ASSIGNED, OpportunityStage.CONTACTED,
                    TestPolicies.FAST_TIER, TestPolicies.LINE, Instant.now()));
            String lateMet = ClockIds.firstContact(late) + ":MET:0";
            String onTimeMet = ClockIds.firstContact(onTime) + ":MET:0";
            await().atMost(Duration.ofSeconds(60)).until(() -> alerts("cm-zhang", "/alerts/mine", "ALL")
                    .getList("items.alertId", String.class).containsAll(List.of(lateMet, onTimeMet)));

            // the director sees the team's alerts; another manager does not see them
            assertThat(alerts("dir-wang", "/alerts/team", "OPEN").getList("items.alertId", String.class))
                    .contains(warning, breach);
            assertThat(alerts("cm-wu", "/alerts/mine", "ALL").getList("items.alertId", String.class))
                    .doesNotContain(warning, breach);
            given().header("Authorization", Tokens.bearer("cm-wu")).get("/alerts/team").then().statusCode(403);

            // acknowledge: the responsible user or their director; others get 404 (or 403 for an admin)
            given().header("Authorization", Tokens.bearer("cm-wu")).post("/alerts/" + warning + "/acknowledge")
                    .then().statusCode(404);
            given().header("Authorization", Tokens.bearer("admin")).post("/alerts/" + warning + "/acknowledge")
                    .then().statusCode(403);
            given().header("Authorization", Tokens.bearer("dir-wang")).post("/alerts/" + warning + "/acknowledge")
                    .then().statusCode(200).body("acknowledgedBy", equalTo("dir-wang"));
            given().header("Authorization", Tokens.bearer("cm-zhang")).post("/alerts/" + breach + "/acknowledge")
                    .then().statusCode(200).body("acknowledgedBy", equalTo("cm-zhang"));
            given().header("Authorization", Tokens.bearer("cm-zhang")).post("/alerts/" + warning + "/acknowledge")
                    .then().statusCode(200).body("acknowledgedBy", equalTo("dir-wang")); // the first one stays
            assertThat(alerts("cm-zhang", "/alerts/mine", "ACKNOWLEDGED").getList("items.alertId", String.class))
                    .contains(warning, breach);
            assertThat(alerts("cm-zhang", "/alerts/mine", "OPEN").getList("items.alertId", String.class))
                    .doesNotContain(warning, breach);

            // keyset paging
            JsonPath first = given().header("Authorization", Tokens.bearer("cm-zhang")).queryParam("state", "ALL")
                    .queryParam("limit", 1).get("/alerts/mine").then().statusCode(200).extract().jsonPath();
            String next = first.getString("nextCursor");
            assertThat(next).isNotNull();
            JsonPath second = given().header("Authorization", Tokens.bearer("cm-zhang")).queryParam("state", "ALL")
                    .queryParam("limit", 1).queryParam("cursor", next).get("/alerts/mine").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(second.getString("items[0].alertId")).isNotEqualTo(first.getString("items[0].alertId"));

            // compliance: the late clock and the one met in time
            JsonPath compliance = given().header("Authorization", Tokens.bearer("cm-zhang"))
                    .queryParam("groupBy", "clockType").queryParam("from", start.minusSeconds(1).toString())
                    .get("/compliance").then().statusCode(200).extract().jsonPath();
            assertThat(compliance.getInt("find { it.group == 'OPPORTUNITY_FIRST_CONTACT' }.clocks"))
                    .isGreaterThanOrEqualTo(2);
            assertThat(compliance.getInt("find { it.group == 'OPPORTUNITY_FIRST_CONTACT' }.met"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(compliance.getDouble("find { it.group == 'OPPORTUNITY_FIRST_CONTACT' }.metPercent"))
                    .isLessThan(100.0);
            assertThat(compliance.getDouble(
                    "find { it.group == 'OPPORTUNITY_FIRST_CONTACT' }.averageLatenessSecondsOfLate"))
                    .isGreaterThan(0.0);
            given().header("Authorization", Tokens.bearer("dir-wang")).queryParam("groupBy", "team")
                    .get("/compliance").then().statusCode(200)
                    .body("group", org.hamcrest.Matchers.hasItem("sh-enterprise"));
            given().header("Authorization", Tokens.bearer("admin")).queryParam("groupBy", "colour")
                    .get("/compliance").then().statusCode(400).body("errors[0].field", equalTo("groupBy"));
        }
    }

    /**
     * The history consumer takes a batch at a time: a record delivered twice, the same alert re-sent under another
     * ce_id and an alert from an older engine (no team, tier or line: looked up) are kept once; an unreadable record
     * goes to the dead-letter topic with its reason, and the alerts around it are kept.
     */
    @Test
    void repeatsAreKeptOnceAndUnreadableRecordsAreDeadLettered() throws Exception {
        staff("cm-zhang", "sh-enterprise", "dir-wang");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String clockId = "hist-dup-" + run + ":FIRST_CONTACT";
        Instant now = Instant.now();
        SlaAlert alert = new SlaAlert(clockId + ":WARNING:0", clockId, ClockType.OPPORTUNITY_FIRST_CONTACT,
                AlertKind.WARNING, 0, SlaSubjectType.OPPORTUNITY, "hist-dup-" + run, null, null, "cm-zhang", null,
                now.minusSeconds(5), now, "no-such-policy", 1, now);
        SlaAlert after = new SlaAlert(clockId + ":BREACHED:0", clockId, ClockType.OPPORTUNITY_FIRST_CONTACT,
                AlertKind.BREACHED, 0, SlaSubjectType.OPPORTUNITY, "hist-dup-" + run, null, null, "cm-zhang", null,
                now, now, "no-such-policy", 1, now);
        try (TopicProbe deadLetters = TopicProbe.atEnd(Topics.SLA_DLQ);
                KafkaProducer<String, byte[]> producer = KafkaSupport.producer()) {
            Headers once = Events.headers(alert);
            producer.send(new ProducerRecord<>(Topics.SLA_ALERTS, null, clockId, Events.json(alert), once));
            producer.send(new ProducerRecord<>(Topics.SLA_ALERTS, null, clockId, Events.json(alert), once));
            producer.send(new ProducerRecord<>(Topics.SLA_ALERTS, null, clockId, Events.json(alert),
                    Events.headers(alert)));
            Headers garbage = Events.headers(alert);
            garbage.remove(CloudEvents.ID);
            garbage.add(CloudEvents.ID, ("hist-garbage-" + run).getBytes(StandardCharsets.UTF_8));
            producer.send(new ProducerRecord<>(Topics.SLA_ALERTS, null, clockId,
                    "{\"alertId\": \"broken".getBytes(StandardCharsets.UTF_8), garbage));
            producer.send(new ProducerRecord<>(Topics.SLA_ALERTS, null, clockId, Events.json(after),
                    Events.headers(after))).get();

            await().atMost(Duration.ofSeconds(60)).until(() -> alerts("cm-zhang", "/alerts/mine", "ALL")
                    .getList("items.alertId", String.class).contains(after.alertId()));
            List<String> kept = alerts("cm-zhang", "/alerts/mine", "ALL").getList("items.alertId", String.class);
            assertThat(kept.stream().filter(alert.alertId()::equals)).hasSize(1);
            // the team came from the staff directory: the director sees it
            assertThat(alerts("dir-wang", "/alerts/team", "ALL").getList("items.alertId", String.class))
                    .contains(alert.alertId());

            List<ConsumerRecord<String, String>> dead = deadLetters.await(
                    r -> ("hist-garbage-" + run).equals(TopicProbe.header(r, DeadLetterHeaders.ORIGINAL_PREFIX
                            + CloudEvents.ID)), 1, Duration.ofSeconds(30));
            assertThat(dead).hasSize(1);
            assertThat(TopicProbe.header(dead.get(0), DeadLetterHeaders.REASON)).startsWith("unreadable esop.sla.alert.v1");
            assertThat(deadLetters.settle(r -> ("hist-garbage-" + run).equals(TopicProbe.header(r,
                    DeadLetterHeaders.ORIGINAL_PREFIX + CloudEvents.ID)), Duration.ofSeconds(2))).hasSize(1);
        }
    }
}

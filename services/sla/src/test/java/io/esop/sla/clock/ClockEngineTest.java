package io.esop.sla.clock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.esop.contracts.Topics;
import io.esop.contracts.opportunity.OpportunityStage;
import io.esop.contracts.order.Milestone;
import io.esop.contracts.order.OrderState;
import io.esop.contracts.order.ProgressKind;
import io.esop.contracts.sla.AlertKind;
import io.esop.contracts.sla.SlaAlert;
import io.esop.sla.clock.service.ClockQueries;
import io.esop.sla.support.Engine;
import io.esop.sla.support.Events;
import io.esop.sla.support.KafkaSupport;
import io.esop.sla.support.KafkaSupport.AlertCollector;
import io.esop.sla.support.SlaTestResource;
import io.esop.sla.support.TestPolicies;
import io.esop.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The engine inside the running service, fed contracts events through the real topics. */
@QuarkusTest
@WithTestResource(SlaTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClockEngineTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    ClockQueries clocks;

    KafkaProducer<String, byte[]> producer;
    AlertCollector alerts;
    String run;

    @BeforeAll
    void connect() {
        producer = KafkaSupport.producer();
        alerts = new AlertCollector(Topics.SLA_ALERTS);
    }

    @AfterAll
    void disconnect() {
        alerts.close();
        producer.close();
    }

    @BeforeEach
    void ready() {
        Engine.awaitReady(clocks);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    List<AlertKind> kinds(String clockId) {
        return alerts.of(clockId).stream().map(SlaAlert::kind).toList();
    }

    io.restassured.response.ValidatableResponse clocksOf(String user, String subjectType, String subjectId) {
        return given().header("Authorization", Tokens.bearer(user))
                .queryParam("subjectType", subjectType).queryParam("subjectId", subjectId)
                .get("/clocks").then();
    }

    @Test
    void firstContactStartsOnAssignmentAndStopsOnContact() {
        String opp = "opp-" + run;
        KafkaSupport.send(producer, Events.assigned(opp, 1, "cm-zhang", TestPolicies.SLOW_TIER, TestPolicies.LINE,
                Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> clocksOf("cm-zhang", "OPPORTUNITY", opp).statusCode(200));
        var clock = clocksOf("cm-zhang", "OPPORTUNITY", opp).extract().jsonPath();
        assertThat(clock.getString("[0].status")).isEqualTo("RUNNING");
        assertThat(clock.getString("[0].clockType")).isEqualTo("OPPORTUNITY_FIRST_CONTACT");
        assertThat(Duration.parse(clock.getString("[0].remaining"))).isBetween(Duration.ofMinutes(8),
                Duration.ofMinutes(10));
        // scope: another manager does not see it; an enterprise customer may not ask
        clocksOf("cm-wu", "OPPORTUNITY", opp).statusCode(404);
        clocksOf("ent-acme", "OPPORTUNITY", opp).statusCode(403);

        KafkaSupport.send(producer, Events.stage(opp, 2, OpportunityStage.ASSIGNED, OpportunityStage.CONTACTED,
                TestPolicies.SLOW_TIER, TestPolicies.LINE, Instant.now()));
        String clockId = ClockIds.firstContact(opp);
        await().atMost(PATIENCE).until(() -> kinds(clockId).contains(AlertKind.MET));
        assertThat(kinds(clockId)).containsExactly(AlertKind.MET);
        SlaAlert met = alerts.of(clockId).get(0);
        assertThat(met.responsibleUserId()).isEqualTo("cm-zhang");
        assertThat(met.policyId()).isEqualTo("test.KEY.SDWAN.OPPORTUNITY_FIRST_CONTACT");
        assertThat(clocksOf("admin", "OPPORTUNITY", opp).statusCode(200).extract().jsonPath()
                .getString("[0].status")).isEqualTo("STOPPED");
    }

    @Test
    void approvalClockStartsOnRequestAndStopsOnDecision() {
        String app = "app-" + run;
        String approval = "apv-" + run;
        KafkaSupport.send(producer, Events.approvalRequested(app, approval, 1, "dir-wang", TestPolicies.SLOW_TIER,
                TestPolicies.LINE, Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> clocksOf("dir-wang", "APPROVAL", approval).statusCode(200));
        KafkaSupport.send(producer, Events.approvalDecided(app, approval, 2, Instant.now()));
        String clockId = ClockIds.approvalDecision(approval);
        await().atMost(PATIENCE).until(() -> kinds(clockId).contains(AlertKind.MET));
        assertThat(alerts.of(clockId).get(0).responsibleUserId()).isEqualTo("dir-wang");
    }

    @Test
    void orderClocksFollowAcknowledgementMilestonesAndCompletion() {
        String order = "ord-" + run;
        var tier = TestPolicies.SLOW_TIER;
        var line = TestPolicies.LINE;
        KafkaSupport.send(producer, Events.orderSubmitted(order, 1, "cm-zhang", tier, line, Instant.now()));
        KafkaSupport.send(producer, Events.milestone(order, 2, Milestone.RESOURCE_CHECK, ProgressKind.MILESTONE_STARTED,
                "cm-zhang", tier, line, Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(clocksOf("cm-zhang", "ORDER", order).statusCode(200)
                .extract().jsonPath().getList("clockId")).containsExactlyInAnyOrder(ClockIds.orderTotal(order),
                        ClockIds.milestone(order, Milestone.RESOURCE_CHECK)));
        KafkaSupport.send(producer, Events.milestone(order, 3, Milestone.RESOURCE_CHECK,
                ProgressKind.MILESTONE_COMPLETED, "cm-zhang", tier, line, Instant.now()));
        String check = ClockIds.milestone(order, Milestone.RESOURCE_CHECK);
        String survey = ClockIds.milestone(order, Milestone.SITE_SURVEY);
        await().atMost(PATIENCE).until(() -> kinds(check).contains(AlertKind.MET));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(clocksOf("cm-zhang", "ORDER", order).statusCode(200)
                .extract().jsonPath().getList("clockId")).contains(survey));
        KafkaSupport.send(producer, Events.orderCompleted(order, 4, "cm-zhang", tier, line, Instant.now()));
        await().atMost(PATIENCE).until(() -> kinds(ClockIds.orderTotal(order)).contains(AlertKind.MET)
                && kinds(survey).contains(AlertKind.MET));
        assertThat(kinds(ClockIds.orderTotal(order))).containsExactly(AlertKind.MET);
    }

    @Test
    void warningThenBreachThenEscalationsArriveInOrderOnTime() {
        String opp = "fast-" + run;
        Instant start = Instant.now();
        KafkaSupport.send(producer, Events.assigned(opp, 1, "cm-zhang", TestPolicies.FAST_TIER, TestPolicies.LINE,
                start));
        String clockId = ClockIds.firstContact(opp);
        await().atMost(PATIENCE).until(() -> kinds(clockId).size() >= 4);
        List<SlaAlert> got = alerts.of(clockId);
        assertThat(got).extracting(SlaAlert::kind, SlaAlert::level).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AlertKind.WARNING, 0),
                org.assertj.core.groups.Tuple.tuple(AlertKind.BREACHED, 0),
                org.assertj.core.groups.Tuple.tuple(AlertKind.ESCALATED, 1),
                org.assertj.core.groups.Tuple.tuple(AlertKind.ESCALATED, 2));
        // due 3 s, 6 s, 9 s, 12 s after the start; fired at (and not before) that time
        for (int i = 0; i < 4; i++) {
            SlaAlert alert = got.get(i);
            assertThat(alert.dueAt()).isEqualTo(start.plusSeconds(3L * (i + 1)));
            assertThat(alert.firedAt()).isAfterOrEqualTo(alert.dueAt());
            assertThat(Duration.between(alert.dueAt(), alert.firedAt())).isLessThan(Duration.ofSeconds(2));
        }
        assertThat(got.get(3).notifyRole()).isEqualTo(io.esop.contracts.StaffRole.ADMIN);
        // and nothing more, ever: no alert fires twice
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> alerts.of(clockId).size() == 4);
        // the firing lateness is a metric (unauthenticated, like health)
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("esop_sla_firing_lateness_seconds_count"));
    }

    @Test
    void aHeldOrderPausesItsClockAndKeepsTheSpentTime() {
        String order = "held-" + run;
        var tier = TestPolicies.FAST_TIER;
        var line = TestPolicies.LINE;
        Instant start = Instant.now();
        KafkaSupport.send(producer, Events.orderSubmitted(order, 1, "cm-zhang", tier, line, start));
        KafkaSupport.send(producer, Events.orderState(order, 2, OrderState.ACKNOWLEDGED, OrderState.HELD, "cm-zhang",
                tier, line, start.plusSeconds(1)));
        String clockId = ClockIds.orderTotal(order);
        await().atMost(PATIENCE).untilAsserted(() -> {
            var json = clocksOf("cm-zhang", "ORDER", order).statusCode(200).extract().jsonPath();
            assertThat(json.getString("[0].status")).isEqualTo("PAUSED");
            assertThat(json.getString("[0].spent")).isEqualTo("PT1S");
        });
        // held for 6 s: without the pause the warning (4 s) and the breach (8 s) would both be due by then
        await().until(() -> Instant.now().isAfter(start.plusSeconds(7)));
        assertThat(kinds(clockId)).isEmpty();
        Instant resumed = start.plusSeconds(7);
        KafkaSupport.send(producer, Events.orderState(order, 3, OrderState.HELD, OrderState.IN_PROGRESS, "cm-zhang",
                tier, line, resumed));
        await().atMost(PATIENCE).until(() -> kinds(clockId).size() >= 2);
        List<SlaAlert> got = alerts.of(clockId);
        assertThat(got).extracting(SlaAlert::kind).containsExactly(AlertKind.WARNING, AlertKind.BREACHED);
        // 1 s spent before the hold: warning 3 s and breach 7 s after the resumption
        assertThat(got.get(0).dueAt()).isEqualTo(resumed.plusSeconds(3));
        assertThat(got.get(1).dueAt()).isEqualTo(resumed.plusSeconds(7));
        KafkaSupport.send(producer, Events.orderCompleted(order, 4, "cm-zhang", tier, line, Instant.now()));
        await().atMost(PATIENCE).until(() -> kinds(clockId).contains(AlertKind.MET));
        assertThat(kinds(clockId)).containsExactly(AlertKind.WARNING, AlertKind.BREACHED, AlertKind.MET);
    }
}

package io.esop.opportunity.opportunity;

import static io.esop.opportunity.support.Api.as;
import static io.esop.opportunity.support.Api.detail;
import static io.esop.opportunity.support.Api.opportunityOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.esop.contracts.EventTypes;
import io.esop.contracts.Industry;
import io.esop.contracts.ProductLine;
import io.esop.contracts.Topics;
import io.esop.contracts.signal.Intent;
import io.esop.contracts.signal.Signal;
import io.esop.contracts.signal.SignalSource;
import io.esop.opportunity.support.Db;
import io.esop.opportunity.support.Fixtures;
import io.esop.opportunity.support.Kafka;
import io.esop.opportunity.support.Kafka.Probe;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Signals produced with a plain KafkaProducer; opportunities observed through REST and on the topic. */
@QuarkusTest
class PipelineTest {

    @Inject
    ReactiveRedisDataSource redis;

    @BeforeAll
    static void ready() {
        Fixtures.pipelineReady();
    }

    @Test
    void aSignalForACustomerCreatesAnOpportunityAssignedToItsAccountManager() throws Exception {
        String customer = Fixtures.customer("cm-zhang", "sh-enterprise", "310000", Industry.FINANCE, "KEY");
        Signal signal = Fixtures.forCustomer(customer, SignalSource.PORTAL_INQUIRY, ProductLine.CLOUD, Intent.EXPAND,
                0.6, 8000);
        try (Probe events = new Probe(Topics.OPPORTUNITIES)) {
            Fixtures.send(signal);
            String id = opportunityOf(signal.signalId());

            JsonPath opp = detail(id);
            assertThat(opp.getString("summary.stage")).isEqualTo("ASSIGNED");
            assertThat(opp.getString("summary.ownerId")).isEqualTo("cm-zhang");
            assertThat(opp.getString("summary.teamId")).isEqualTo("sh-enterprise");
            assertThat(opp.getString("assignmentReason")).isEqualTo("account manager of the customer");
            assertThat(opp.getInt("summary.score")).isBetween(1, 100);
            assertThat(opp.getList("scoreBreakdown.components.name"))
                    .containsExactly("valueTier", "source", "strength", "intent", "value", "recency");
            assertThat(opp.getList("signals.signalId")).containsExactly(signal.signalId());
            assertThat(opp.getList("timeline.type")).containsExactly(EventTypes.OPPORTUNITY_CREATED.name(),
                    EventTypes.OPPORTUNITY_ASSIGNED.name());

            List<ConsumerRecord<String, String>> published = events.await(id, 2);
            assertThat(published).extracting(r -> Probe.header(r, "ce_type"))
                    .containsExactly(EventTypes.OPPORTUNITY_CREATED.name(), EventTypes.OPPORTUNITY_ASSIGNED.name());
            JsonNode created = Kafka.JSON.readTree(published.get(0).value());
            assertThat(created.get("sequence").asLong()).isEqualTo(1);
            assertThat(created.get("signalId").asText()).isEqualTo(signal.signalId());
            assertThat(created.get("customerId").asText()).isEqualTo(customer);
            assertThat(created.get("scorePoints").asInt()).isEqualTo(opp.getInt("summary.score"));
            JsonNode assigned = Kafka.JSON.readTree(published.get(1).value());
            assertThat(assigned.get("sequence").asLong()).isEqualTo(2);
            assertThat(assigned.get("ownerId").asText()).isEqualTo("cm-zhang");
            assertThat(assigned.get("creditSplit").get("ownerSharePercent").asInt()).isEqualTo(100);
        }
    }

    @Test
    void aRepeatedSignalIdHasNoEffectAndAnotherSignalWithinTheWindowIsMerged() throws Exception {
        String customer = Fixtures.customer("cm-zhang", "sh-enterprise", "310000", Industry.FINANCE, "STANDARD");
        Signal first = Fixtures.forCustomer(customer, SignalSource.BASS_USAGE_SURGE, ProductLine.DEDICATED_LINE,
                Intent.EXPAND, 0.4, 5000);
        Fixtures.send(first);
        String id = opportunityOf(first.signalId());
        int firstScore = detail(id).getInt("summary.score");

        try (Probe events = new Probe(Topics.OPPORTUNITIES)) {
            // the same signal again (a resend), then a marker for the same customer, so on the same partition (signals
            // are keyed by customer): once the marker is processed, the resend was processed before it
            Fixtures.send(first);
            Signal marker = Fixtures.forCustomer(customer, SignalSource.CAMPAIGN_RESPONSE, ProductLine.SMS, Intent.NEW,
                    0.3, 100);
            assertThat(marker.key()).isEqualTo(first.key());
            Fixtures.send(marker);
            String markerOpp = opportunityOf(marker.signalId());
            assertThat(markerOpp).isNotEqualTo(id); // another product line: its own opportunity
            assertThat(detail(id).getInt("summary.signalCount")).isEqualTo(1);
            assertThat(Db.single("select count(*) from opportunity where merge_key = (select merge_key from opportunity where id = ?) and product_line = 'DEDICATED_LINE'", id))
                    .isEqualTo(1L);

            // another signal, same customer, product line and intent: merged, score recomputed
            Signal second = Fixtures.forCustomer(customer, SignalSource.PORTAL_INQUIRY, ProductLine.DEDICATED_LINE,
                    Intent.EXPAND, 0.7, 12000);
            Fixtures.send(second);
            assertThat(opportunityOf(second.signalId())).isEqualTo(id);
            JsonPath merged = detail(id);
            assertThat(merged.getInt("summary.signalCount")).isEqualTo(2);
            assertThat(merged.getList("signals.signalId")).containsExactlyInAnyOrder(first.signalId(), second.signalId());
            assertThat(merged.getInt("summary.score")).isGreaterThan(firstScore);
            assertThat(new java.math.BigDecimal(merged.getString("summary.estimatedMonthlyValue"))).isEqualByComparingTo("12000");

            List<ConsumerRecord<String, String>> published = events.await(id, 1);
            assertThat(published).hasSize(1);
            assertThat(Probe.header(published.get(0), "ce_type")).isEqualTo(EventTypes.OPPORTUNITY_MERGED.name());
            JsonNode event = Kafka.JSON.readTree(published.get(0).value());
            assertThat(event.get("signalId").asText()).isEqualTo(second.signalId());
            assertThat(event.get("sequence").asLong()).isEqualTo(3);
            assertThat(event.get("score").asDouble()).isEqualTo(merged.getInt("summary.score") / 100.0);
            assertThat(event.get("scorePoints").asInt()).isEqualTo(merged.getInt("summary.score"));
            assertThat(event.get("creditSplit").get("ownerId").asText()).isEqualTo("cm-zhang");
            assertThat(event.get("creditSplit").get("ownerSharePercent").asInt()).isEqualTo(100);
        }
    }

    @Test
    void aResendRedisHasForgottenIsFoundByTheDatabaseAndHasNoEffect() throws Exception {
        String customer = Fixtures.customer("cm-zhang", "sh-enterprise", "310000", Industry.FINANCE, "STANDARD");
        Signal first = Fixtures.forCustomer(customer, SignalSource.BASS_CHURN_RISK, ProductLine.VOICE, Intent.RETAIN,
                0.5, 3000);
        Fixtures.send(first);
        String id = opportunityOf(first.signalId());
        try (Probe events = new Probe(Topics.OPPORTUNITIES)) {
            // Redis lost what it knew (restarted, evicted): it vouches for the resend as new, the insert of its row
            // finds it recorded, and the batch is applied again asking the database
            redis.key(String.class).del("esop:opportunity-test:signal:" + first.signalId()).await().atMost(Duration.ofSeconds(5));
            Fixtures.send(first);
            Signal merged = Fixtures.forCustomer(customer, SignalSource.PORTAL_INQUIRY, ProductLine.VOICE,
                    Intent.RETAIN, 0.6, 4000);
            Fixtures.send(merged); // same customer, same partition, after the resend
            assertThat(opportunityOf(merged.signalId())).isEqualTo(id);
            JsonPath detail = detail(id);
            assertThat(detail.getInt("summary.signalCount")).isEqualTo(2);
            assertThat(detail.getList("signals.signalId")).containsExactlyInAnyOrder(first.signalId(), merged.signalId());
            assertThat(Db.single("select count(*) from signal where signal_id = ?", first.signalId())).isEqualTo(1L);
            // one event: the merge; the resend published nothing
            List<ConsumerRecord<String, String>> published = events.await(id, 1);
            assertThat(published).extracting(r -> Probe.header(r, "ce_type"))
                    .containsExactly(EventTypes.OPPORTUNITY_MERGED.name());
            assertThat(Kafka.JSON.readTree(published.get(0).value()).get("signalId").asText())
                    .isEqualTo(merged.signalId());
        }
    }

    @Test
    void signalsOfOneOpportunityInOneBatchCreateItOnceAndMergeTheRestAndAResendInTheBatchIsNoEffect()
            throws Exception {
        String customer = Fixtures.customer("cm-wu", "sh-enterprise", "310000", Industry.RETAIL, "STANDARD");
        List<Signal> signals = List.of(
                Fixtures.forCustomer(customer, SignalSource.BASS_USAGE_SURGE, ProductLine.IDC, Intent.EXPAND, 0.3, 2000),
                Fixtures.forCustomer(customer, SignalSource.PORTAL_INQUIRY, ProductLine.IDC, Intent.EXPAND, 0.6, 9000),
                Fixtures.forCustomer(customer, SignalSource.CAMPAIGN_RESPONSE, ProductLine.IDC, Intent.EXPAND, 0.2, 500));
        try (Probe events = new Probe(Topics.OPPORTUNITIES)) {
            // one Kafka key: one partition, sent without waiting, so they arrive in one polled batch
            String key = Fixtures.id("t-batch");
            List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
            for (Signal s : List.of(signals.get(0), signals.get(1), signals.get(0), signals.get(2))) {
                sent.add(Kafka.producer().send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.SIGNALS,
                        key, Kafka.JSON.writeValueAsBytes(s))));
            }
            for (var f : sent) {
                f.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            String id = opportunityOf(signals.get(2).signalId());
            assertThat(opportunityOf(signals.get(0).signalId())).isEqualTo(id);
            assertThat(opportunityOf(signals.get(1).signalId())).isEqualTo(id);
            JsonPath opp = detail(id);
            assertThat(opp.getInt("summary.signalCount")).isEqualTo(3);
            assertThat(new java.math.BigDecimal(opp.getString("summary.estimatedMonthlyValue"))).isEqualByComparingTo("9000");
            assertThat(Db.single("select count(*) from opportunity where customer_id = ? and product_line = 'IDC'", customer))
                    .isEqualTo(1L);
            assertThat(Db.single("select string_agg(outcome, ',' order by outcome) from signal where signal_id in (?, ?, ?)",
                    signals.get(0).signalId(), signals.get(1).signalId(), signals.get(2).signalId()))
                    .isEqualTo("CREATED,MERGED,MERGED");

            List<ConsumerRecord<String, String>> published = events.await(id, 4);
            assertThat(published).extracting(r -> Probe.header(r, "ce_type")).containsExactly(
                    EventTypes.OPPORTUNITY_CREATED.name(), EventTypes.OPPORTUNITY_ASSIGNED.name(),
                    EventTypes.OPPORTUNITY_MERGED.name(), EventTypes.OPPORTUNITY_MERGED.name());
            assertThat(published).extracting(r -> Kafka.JSON.readTree(r.value()).get("sequence").asLong())
                    .containsExactly(1L, 2L, 3L, 4L);
            assertThat(opp.getList("timeline.type")).hasSize(4);
        }
    }

    @Test
    void invalidSignalsGoToTheDeadLetterTopicWithTheReasonAndTheStreamGoesOn() {
        String customer = Fixtures.customer("cm-zhang", "sh-enterprise", "310000", Industry.FINANCE, "KEY");
        String garbageKey = Fixtures.id("t-bad");
        String missingKey = Fixtures.id("t-bad");
        String negativeKey = Fixtures.id("t-bad");
        try (Probe dlq = new Probe(Topics.OPPORTUNITY_DLQ)) {
            Kafka.send(Topics.SIGNALS, garbageKey, "this is not json");
            Kafka.send(Topics.SIGNALS, missingKey, "{\"signalId\":\"" + missingKey + "\",\"source\":\"PORTAL_INQUIRY\","
                    + "\"customerId\":\"" + customer + "\",\"intent\":\"NEW\",\"strength\":0.5,"
                    + "\"estimatedMonthlyValue\":100,\"observedAt\":\"2026-01-01T00:00:00Z\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}");
            Signal negative = Fixtures.withId(Fixtures.forCustomer(customer, SignalSource.PORTAL_INQUIRY,
                    ProductLine.IOT, Intent.NEW, 0.5, -1), negativeKey);
            Kafka.send(Topics.SIGNALS, negativeKey, negative);

            // (a service of ./esop up consuming the same topic may add its own dead letter: all must agree)
            assertThat(dlq.await(garbageKey, 1)).isNotEmpty()
                    .allSatisfy(r -> assertThat(Probe.header(r, "esop_dlq_reason")).startsWith("unreadable signal"));
            assertThat(dlq.await(missingKey, 1)).isNotEmpty()
                    .allSatisfy(r -> assertThat(Probe.header(r, "esop_dlq_reason")).contains("productLine"));
            assertThat(dlq.await(negativeKey, 1)).isNotEmpty()
                    .allSatisfy(r -> assertThat(Probe.header(r, "esop_dlq_reason")).contains("estimatedMonthlyValue"));
        }
        // this service wrote each dead letter once
        for (String key : List.of(garbageKey, missingKey, negativeKey)) {
            assertThat(Db.single("select count(*) from esop_outbox where topic = ? and message_key = ?",
                    Topics.OPPORTUNITY_DLQ, key)).as(key).isEqualTo(1L);
        }
        // the stream goes on
        Signal after = Fixtures.forCustomer(customer, SignalSource.PORTAL_INQUIRY, ProductLine.VOICE, Intent.NEW, 0.5, 300);
        Fixtures.send(after);
        assertThat(opportunityOf(after.signalId())).isNotNull();
    }

    @Test
    void aFieldCaptureBecomesAFieldVisitSignalThroughTheSamePipeline() {
        String customer = Fixtures.customer("cm-zhang", "sh-enterprise", "310000", Industry.MANUFACTURING, "KEY");
        String signalId = as("cm-zhang").body("""
                {"customerId": "%s", "productLine": "SDWAN", "intent": "NEW", "strength": 0.9,
                 "estimatedMonthlyValue": 6000, "detail": "CIO wants SD-WAN for 12 branches"}""".formatted(customer))
                .post("/api/opportunities/field-capture")
                .then().statusCode(202).extract().jsonPath().getString("signalId");
        String id = opportunityOf(signalId);
        JsonPath opp = detail(id);
        assertThat(opp.getString("summary.source")).isEqualTo("FIELD_VISIT");
        assertThat(opp.getString("summary.ownerId")).isEqualTo("cm-zhang");
        assertThat(opp.getString("signals[0].capturedBy")).isEqualTo("cm-zhang");

        List<String> mine = as("cm-zhang").queryParam("source", "FIELD_VISIT").queryParam("productLine", "SDWAN")
                .get("/api/opportunities").then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(mine).contains(id);

        // not a manager: refused; a broken body: problem+json naming the field
        as("dir-wang").body("{\"customerId\":\"x\",\"productLine\":\"IOT\",\"intent\":\"NEW\",\"estimatedMonthlyValue\":1}")
                .post("/api/opportunities/field-capture").then().statusCode(403);
        as("cm-zhang").body("{\"customerId\":\"x\",\"intent\":\"NEW\",\"estimatedMonthlyValue\":1}")
                .post("/api/opportunities/field-capture").then().statusCode(400)
                .contentType("application/problem+json")
                .extract().jsonPath().getList("errors.field").contains("productLine");
    }

    @Test
    void aSignalForAnUnknownCustomerWithoutProspectIsDeadLettered() {
        Signal unknown = Fixtures.forCustomer(Fixtures.id("t-nobody"), SignalSource.PORTAL_INQUIRY, ProductLine.IOT,
                Intent.NEW, 0.5, 100);
        try (Probe dlq = new Probe(Topics.OPPORTUNITY_DLQ)) {
            Fixtures.send(unknown);
            // a dead letter keeps its record's key: the customer the signal names
            assertThat(dlq.await(unknown.key(), 1)).singleElement()
                    .satisfies(r -> assertThat(Probe.header(r, "esop_dlq_reason")).contains("unknown customer"));
        }
        as("admin").get("/api/signals/" + unknown.signalId()).then().statusCode(404);
    }
}

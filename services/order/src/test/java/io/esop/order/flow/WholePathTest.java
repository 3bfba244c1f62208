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
import io.esop.contracts.order.ApprovalRequested;
import io.esop.contracts.order.OrderCompleted;
import io.esop.contracts.order.OrderMilestoneReached;
import io.esop.contracts.order.OrderProgressEvent;
import io.esop.contracts.order.OrderSubmitted;
import io.esop.order.support.Api;
import io.esop.order.support.FulfilmentSimulator;
import io.esop.order.support.Kafka;
import io.esop.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The whole path with real tokens: cm-zhang applies for ACME with a 12 % discount, dir-wang approves the price
 * and bo-chen the resource pre-reservation, ent-acme signs, the fulfilment system reports every milestone out of
 * order and with resends, and the order completes with its timeline in sequence order.
 */
@QuarkusTest
class WholePathTest {

    @Test
    void managerDirectorCustomerAndFulfilment() throws Exception {
        try (Kafka kafka = new Kafka();
                TopicProbe orders = TopicProbe.atEnd(Topics.ORDERS)) {
            kafka.ensureAcme();

            // cm-zhang applies: a dedicated line at 12 % and two cloud hosts at 5 %
            JsonPath app = Api.create("cm-zhang", Api.application("cust-acme", List.of(
                    Api.item("DEDICATED_INTERNET_LINE", 1,
                            Map.of("bandwidthMbps", 200, "siteAddress", "88 Century Avenue, Pudong, Shanghai"),
                            "5000.00", "12"),
                    Api.item("CLOUD_HOST", 2, Map.of("vcpu", 8), "800.00", "5"))));
            String no = app.getString("applicationNo");
            assertThat(no).startsWith("APP-");
            assertThat(app.getString("status")).isEqualTo("DRAFT");
            assertThat(app.getString("monthlyValue")).isEqualTo("5920.0"); // 4400.00 + 1520.00
            assertThat(app.getInt("items[0].templateVersion")).isGreaterThanOrEqualTo(1);
            assertThat(app.getString("items[0].attributes.accessType")).isEqualTo("FIBER"); // default
            assertThat(app.getMap("items[0].attributes")).doesNotContainKey("slaLevel"); // back office only

            JsonPath submitted = Api.submit("cm-zhang", no);
            assertThat(submitted.getString("status")).isEqualTo("PENDING_APPROVAL");
            List<Map<String, Object>> approvals = submitted.getList("approvals");
            assertThat(approvals).extracting(a -> a.get("kind") + "/" + a.get("approverRole") + "/" + a.get("status"))
                    .containsExactlyInAnyOrder("PRICE_NEGOTIATION/SALES_DIRECTOR/PENDING",
                            "RESOURCE_PRE_RESERVATION/BACK_OFFICE/PENDING");
            String price = approvalId(approvals, "PRICE_NEGOTIATION");
            String reservation = approvalId(approvals, "RESOURCE_PRE_RESERVATION");

            // each approver finds it among their pending approvals
            assertThat(pendingIds("dir-wang")).contains(price).doesNotContain(reservation);
            assertThat(pendingIds("bo-chen")).contains(reservation).doesNotContain(price);
            assertThat(pendingIds("dir-zhao")).doesNotContain(price); // another team's director
            as("dir-zhao").body(Map.of("decision", "APPROVED")).post("/api/approvals/" + price + "/decision")
                    .then().statusCode(404);
            as("cm-zhang").body(Map.of("decision", "APPROVED")).post("/api/approvals/" + price + "/decision")
                    .then().statusCode(403);

            Api.decide("dir-wang", price, "APPROVED", "12 % is fine for a strategic line");
            assertThat(as("cm-zhang").get("/api/applications/" + no).then().statusCode(200)
                    .extract().jsonPath().getString("status")).isEqualTo("PENDING_APPROVAL"); // reservation still open
            Api.decide("bo-chen", reservation, "APPROVED", "port reserved on PD-OLT07");
            as("dir-wang").body(Map.of("decision", "APPROVED")).post("/api/approvals/" + price + "/decision")
                    .then().statusCode(409);

            JsonPath approved = as("cm-zhang").get("/api/applications/" + no).then().statusCode(200).extract().jsonPath();
            assertThat(approved.getString("status")).isEqualTo("APPROVED");

            // the approval events went out through the outbox, keyed by application number
            List<ConsumerRecord<String, String>> requested = orders.await(
                    TopicProbe.keyAndType(no, EventTypes.APPROVAL_REQUESTED.name()), 2, PATIENCE);
            assertThat(requested).hasSize(2);
            ApprovalRequested first = Kafka.JSON.readValue(requested.get(0).value(), ApprovalRequested.class);
            assertThat(first.customerId()).isEqualTo("cust-acme");
            assertThat(orders.await(TopicProbe.keyAndType(no, EventTypes.APPROVAL_DECIDED.name()), 2, PATIENCE))
                    .hasSize(2);

            // the agreement: customer-facing, as HTML and PDF, readable by ent-acme
            String agreementNo = Api.agreementOf(no);
            JsonPath agreement = as("ent-acme").get("/api/agreements/" + agreementNo).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(agreement.getString("status")).isEqualTo("ISSUED");
            assertThat(agreement.getString("creditSplit.ownerId")).isEqualTo("cm-zhang");
            assertThat(agreement.getInt("creditSplit.ownerSharePercent")).isEqualTo(100);
            assertThat(agreement.getList("terms")).isNotEmpty();
            assertThat(agreement.getMap("items[0].attributes")).doesNotContainKey("slaLevel");
            String html = as("ent-acme").get("/api/agreements/" + agreementNo + "/html").then().statusCode(200)
                    .contentType("text/html").extract().asString();
            assertThat(html).contains(agreementNo).contains("Dedicated internet line").contains("CNY 4400.00");
            byte[] pdf = as("ent-acme").get("/api/agreements/" + agreementNo + "/pdf").then().statusCode(200)
                    .contentType("application/pdf").extract().asByteArray();
            assertThat(new String(pdf, 0, 8)).isEqualTo("%PDF-1.4");

            // ent-acme signs: that creates the order
            JsonPath signed = as("ent-acme").post("/api/agreements/" + agreementNo + "/signature")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(signed.getString("status")).isEqualTo("SIGNED");
            assertThat(signed.getString("signedBy")).isEqualTo("ent-acme");
            String orderId = signed.getString("orderId");
            assertThat(orderId).isEqualTo("ORD-" + no.substring(4));
            as("ent-acme").post("/api/agreements/" + agreementNo + "/signature").then().statusCode(409);
            assertThat(as("ent-acme").get("/api/orders/" + orderId).then().statusCode(200).extract().jsonPath()
                    .getString("state")).isEqualTo("acknowledged");
            List<ConsumerRecord<String, String>> submittedEvents = orders.await(
                    TopicProbe.keyAndType(orderId, EventTypes.ORDER_SUBMITTED.name()), 1, PATIENCE);
            assertThat(submittedEvents).hasSize(1);
            OrderSubmitted orderSubmitted = Kafka.JSON.readValue(submittedEvents.get(0).value(), OrderSubmitted.class);
            assertThat(orderSubmitted.sequence()).isEqualTo(1);
            assertThat(orderSubmitted.agreementId()).isEqualTo(agreementNo);
            assertThat(orderSubmitted.monthlyValue()).isEqualByComparingTo("5920.00");

            // fulfilment reports every milestone, shuffled, some twice
            Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            List<OrderProgressEvent> plan = FulfilmentSimulator.plan(orderId, start, true);
            List<OrderProgressEvent> sent = FulfilmentSimulator.disorder(plan, new Random(42), 0.3);
            assertThat(sent.size()).isGreaterThan(plan.size());
            FulfilmentSimulator.send(kafka, sent);

            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> "completed".equals(
                    as("ent-acme").get("/api/orders/" + orderId).jsonPath().getString("state"))
                    && as("ent-acme").get("/api/orders/" + orderId + "/timeline").jsonPath().getList("$").size()
                            == plan.size());
            JsonPath order = as("cm-zhang").get("/api/orders/" + orderId).then().statusCode(200).extract().jsonPath();
            assertThat(order.getString("billingStartDate")).isNotNull();
            List<String> expected = new ArrayList<>();
            plan.forEach(e -> expected.add(e.sequence() + ":" + e.milestone() + ":" + e.kind()));
            List<String> timeline = new ArrayList<>();
            for (Map<String, Object> entry : order.<Map<String, Object>>getList("timeline")) {
                timeline.add(entry.get("sequence") + ":" + entry.get("milestone") + ":" + entry.get("kind"));
            }
            assertThat(timeline).containsExactlyElementsOf(expected);

            // one milestone event per report (no duplicates), and exactly one completion
            List<ConsumerRecord<String, String>> milestones = orders.await(
                    TopicProbe.keyAndType(orderId, EventTypes.ORDER_MILESTONE_REACHED.name()), plan.size(), PATIENCE);
            assertThat(milestones).hasSize(plan.size());
            assertThat(milestones.stream().map(r -> read(r, OrderMilestoneReached.class).progressEventId()).distinct())
                    .hasSize(plan.size());
            List<ConsumerRecord<String, String>> completed = orders.await(
                    TopicProbe.keyAndType(orderId, EventTypes.ORDER_COMPLETED.name()), 1, PATIENCE);
            assertThat(completed).hasSize(1);
            assertThat(read(completed.get(0), OrderCompleted.class).monthlyValue()).isEqualByComparingTo("5920.00");
            // the published sequence of the order grows by one per event, from 1
            List<Long> sequences = orders.settle(TopicProbe.key(orderId), Duration.ofSeconds(2)).stream()
                    .map(r -> read(r, com.fasterxml.jackson.databind.JsonNode.class).get("sequence").asLong()).toList();
            assertThat(sequences).isSorted().doesNotHaveDuplicates().startsWith(1L);

            // one number traces it all
            JsonPath trace = as("cm-zhang").get("/api/trace/" + orderId).then().statusCode(200).extract().jsonPath();
            assertThat(trace.getString("application.applicationNo")).isEqualTo(no);
            assertThat(trace.getList("approvals")).hasSize(2);
            assertThat(trace.getString("agreement.agreementNo")).isEqualTo(agreementNo);
            assertThat(trace.getString("order.state")).isEqualTo("completed");
            assertThat(trace.getList("order.timeline")).hasSize(plan.size());
            JsonPath customerTrace = as("ent-acme").get("/api/trace/" + no).then().statusCode(200).extract().jsonPath();
            assertThat(customerTrace.getString("application")).isNull();
            assertThat(customerTrace.getString("order.orderId")).isEqualTo(orderId);
        }
    }

    private static <T> T read(ConsumerRecord<String, String> record, Class<T> type) {
        try {
            return Kafka.JSON.readValue(record.value(), type);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String approvalId(List<Map<String, Object>> approvals, String kind) {
        return approvals.stream().filter(a -> kind.equals(a.get("kind"))).map(a -> (String) a.get("approvalId"))
                .findFirst().orElseThrow();
    }

    /** Every pending approval id of the caller, following the cursor. */
    static List<String> pendingIds(String user) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = as(user).queryParam("limit", 200).queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/approvals/pending").then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.approvalId"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }
}

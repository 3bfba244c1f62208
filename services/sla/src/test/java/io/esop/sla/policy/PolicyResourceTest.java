package io.esop.sla.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.esop.contracts.Topics;
import io.esop.contracts.sla.SlaPolicy;
import io.esop.sla.support.Events;
import io.esop.sla.support.SlaTestResource;
import io.esop.sla.support.TopicProbe;
import io.esop.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Policies over REST: admins write new versions (published through the outbox), staff read. */
@QuarkusTest
@WithTestResource(SlaTestResource.class)
class PolicyResourceTest {

    static final String CELL = "SME.SMS.ORDER_MILESTONE.BILLING_START";

    static Map<String, Object> cellRequest(String target) {
        return Map.of("valueTier", "SME", "productLine", "SMS", "clockType", "ORDER_MILESTONE",
                "milestone", "BILLING_START", "target", target,
                "escalations", java.util.List.of(Map.of("level", 1, "after", "PT4H", "notifyRole", "SALES_DIRECTOR")));
    }

    @Test
    void staffReadTheSeededMatrix() {
        given().header("Authorization", Tokens.bearer("cm-zhang"))
                .queryParam("clockType", "ORDER_TOTAL").queryParam("valueTier", "KEY")
                .get("/policies").then().statusCode(200)
                .body("items", hasSize(7))
                .body("items.policyId", hasItem("KEY.CLOUD.ORDER_TOTAL"));
        given().header("Authorization", Tokens.bearer("dir-wang")).get("/policies/KEY.CLOUD.ORDER_TOTAL")
                .then().statusCode(200)
                .body("target", equalTo("PT360H"))
                .body("calendar.kind", equalTo("ALWAYS"))
                .body("escalations[0].notifyRole", equalTo("SALES_DIRECTOR"));
        given().header("Authorization", Tokens.bearer("bo-chen")).get("/policies/STRATEGIC.IDC.OPPORTUNITY_FIRST_CONTACT")
                .then().statusCode(200)
                .body("target", equalTo("PT2H"))
                .body("calendar.kind", equalTo("BUSINESS_HOURS"))
                .body("calendar.zone", equalTo("Asia/Shanghai"))
                .body("calendar.opensAt", equalTo("09:00:00"));
    }

    @Test
    void listsPageByCursor() {
        var first = given().header("Authorization", Tokens.bearer("cm-zhang")).queryParam("limit", 100)
                .get("/policies").then().statusCode(200).body("items", hasSize(100))
                .body("nextCursor", notNullValue()).extract().jsonPath();
        var second = given().header("Authorization", Tokens.bearer("cm-zhang")).queryParam("limit", 100)
                .queryParam("cursor", first.getString("nextCursor")).get("/policies").then().statusCode(200)
                .extract().jsonPath();
        assertThat(second.getList("items.policyId", String.class)).isNotEmpty()
                .doesNotContainAnyElementsOf(first.getList("items.policyId", String.class));
        given().header("Authorization", Tokens.bearer("cm-zhang")).queryParam("cursor", "%%%")
                .get("/policies").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void onlyStaffReadAndOnlyAdminsWrite() {
        given().get("/policies").then().statusCode(401);
        given().header("Authorization", Tokens.bearer("ent-acme")).get("/policies").then().statusCode(403);
        given().header("Authorization", Tokens.bearer("cm-zhang")).contentType(ContentType.JSON)
                .body(cellRequest("PT8H")).post("/policies").then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("dir-wang")).contentType(ContentType.JSON)
                .body(Map.of("target", "PT8H")).put("/policies/KEY.CLOUD.ORDER_TOTAL").then().statusCode(403);
    }

    @Test
    void invalidPoliciesAreRefusedNamingTheField() {
        String admin = Tokens.bearer("admin");
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("valueTier", "SME", "productLine", "SMS", "clockType", "ORDER_TOTAL",
                        "milestone", "ACTIVATION", "target", "PT8H"))
                .post("/policies").then().statusCode(400).body("errors[0].field", equalTo("milestone"));
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("valueTier", "SME", "productLine", "SMS", "clockType", "ORDER_TOTAL"))
                .post("/policies").then().statusCode(400).body("errors[0].field", equalTo("target"));
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("valueTier", "GOLD", "productLine", "SMS", "clockType", "ORDER_TOTAL", "target", "PT1H"))
                .post("/policies").then().statusCode(400).body("errors[0].field", equalTo("valueTier"));
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("target", "PT8H", "warningThresholdPercent", 150))
                .put("/policies/KEY.CLOUD.ORDER_TOTAL").then().statusCode(400)
                .body("errors[0].field", equalTo("warningThresholdPercent"));
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("target", "PT8H", "calendar", Map.of("kind", "BUSINESS_HOURS", "workingDays",
                        java.util.List.of("MONDAY"), "holidays", java.util.List.of())))
                .put("/policies/KEY.CLOUD.ORDER_TOTAL").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("BUSINESS_HOURS needs opensAt and closesAt"));
        given().header("Authorization", admin).contentType(ContentType.JSON).body(Map.of("target", "PT8H"))
                .put("/policies/NO.SUCH.POLICY").then().statusCode(404);
    }

    @Test
    void aChangeIsANewVersionPublishedThroughTheOutbox() throws Exception {
        String admin = Tokens.bearer("admin");
        given().header("Authorization", admin).delete("/policies/" + CELL); // left over by an aborted run
        try (TopicProbe topic = TopicProbe.fromEnd(Topics.SLA_POLICIES)) {
            int v1 = given().header("Authorization", admin).contentType(ContentType.JSON).body(cellRequest("PT8H"))
                    .post("/policies").then().statusCode(201)
                    .body("policyId", equalTo(CELL))
                    .body("calendar.kind", equalTo("BUSINESS_HOURS")) // the default calendar
                    .body("warningThresholdPercent", equalTo(80))
                    .body("createdBy", equalTo("admin"))
                    .extract().path("version");
            given().header("Authorization", admin).contentType(ContentType.JSON).body(cellRequest("PT8H"))
                    .post("/policies").then().statusCode(409);

            given().header("Authorization", admin).contentType(ContentType.JSON)
                    .body(Map.of("target", "PT12H", "warningThresholdPercent", 75))
                    .put("/policies/" + CELL).then().statusCode(200)
                    .body("version", equalTo(v1 + 1)).body("target", equalTo("PT12H"));
            given().header("Authorization", Tokens.bearer("cm-zhang")).get("/policies/" + CELL + "/versions")
                    .then().statusCode(200)
                    .body("find { it.version == " + v1 + " }.target", equalTo("PT8H"))
                    .body("find { it.version == " + (v1 + 1) + " }.target", equalTo("PT12H"));

            ConsumerRecord<String, byte[]> published = topic.await(r -> CELL.equals(r.key()) && r.value() != null
                    && read(r.value()).version() == v1 + 1);
            SlaPolicy event = read(published.value());
            assertThat(event.target()).hasHours(12);
            assertThat(event.warningThresholdPercent()).isEqualTo(75);
            assertThat(event.milestone()).isEqualTo(io.esop.contracts.order.Milestone.BILLING_START);
            assertThat(new String(published.headers().lastHeader("ce_type").value())).isEqualTo("esop.sla.policy.v1");

            given().header("Authorization", admin).delete("/policies/" + CELL).then().statusCode(200)
                    .body("retired", equalTo(true));
            topic.await(r -> CELL.equals(r.key()) && r.value() == null); // tombstone
            given().header("Authorization", admin).get("/policies/" + CELL).then().statusCode(404);
        }
    }

    @Test
    void seededPoliciesArePublished() {
        try (TopicProbe topic = TopicProbe.fromBeginning(Topics.SLA_POLICIES)) {
            ConsumerRecord<String, byte[]> seeded = topic.await(r -> "SME.IDC.ORDER_TOTAL".equals(r.key())
                    && r.value() != null);
            // 360 h x 4 (SME) x 1.5 (IDC builds lines)
            assertThat(read(seeded.value()).target()).hasHours(2160);
        }
    }

    static SlaPolicy read(byte[] value) {
        try {
            return Events.JSON.readValue(value, SlaPolicy.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

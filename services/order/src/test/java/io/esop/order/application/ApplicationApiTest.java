package io.esop.order.application;

import static io.esop.order.support.Api.PATIENCE;
import static io.esop.order.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.esop.contracts.EventTypes;
import io.esop.contracts.ProductLine;
import io.esop.contracts.ValueTier;
import io.esop.contracts.opportunity.CreditSplit;
import io.esop.contracts.opportunity.OpportunityConverted;
import io.esop.order.support.Api;
import io.esop.order.support.Kafka;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Creating, validating, rejecting and resubmitting applications; drafts from converted opportunities. */
@QuarkusTest
class ApplicationApiTest {

    static boolean ready;

    // once per class, but only once Quarkus listens (a static @BeforeAll runs before it starts)
    @BeforeEach
    synchronized void acme() {
        if (ready) {
            return;
        }
        ready = true;
        try (Kafka kafka = new Kafka()) {
            kafka.ensureAcme();
        }
        Api.create("cm-zhang", Api.application("cust-acme", List.of(Api.cloudHost("0")))); // read model caught up
    }

    @Test
    void errorsNameTheItemAndTheAttribute() {
        Map<String, Object> wrongValues = Api.item("DEDICATED_INTERNET_LINE", 1,
                Map.of("bandwidthMbps", 1, "accessType", "COPPER"), "5000", "0");
        Map<String, Object> unknownAttribute = Api.item("CLOUD_HOST", 1, Map.of("os", "DOS", "colour", "red"), "800", "0");
        Map<String, Object> unknownProduct = Api.item("TELEPORTER", 1, Map.of(), "1", "0");
        JsonPath problem = as("cm-zhang")
                .body(Api.application("cust-acme", List.of(wrongValues, unknownAttribute, unknownProduct)))
                .post("/api/applications").then().statusCode(400).contentType("application/problem+json")
                .extract().jsonPath();
        assertThat(problem.<String>getList("errors.field")).containsExactlyInAnyOrder(
                "items[0].attributes.bandwidthMbps", "items[0].attributes.siteAddress",
                "items[0].attributes.accessType", "items[1].attributes.os", "items[1].attributes.colour",
                "items[2].productCode");
        assertThat(problem.getString("detail")).contains("items[0].attributes.bandwidthMbps: must be between 2 and 10000");

        Map<String, Object> zeroQuantity = Api.cloudHost("0");
        zeroQuantity.put("quantity", 0);
        Map<String, Object> hugeDiscount = Api.cloudHost("120");
        JsonPath beanProblem = as("cm-zhang").body(Api.application("cust-acme", List.of(zeroQuantity, hugeDiscount)))
                .post("/api/applications").then().statusCode(400).extract().jsonPath();
        assertThat(beanProblem.<String>getList("errors.field"))
                .contains("items[0].quantity", "items[1].discountPercent");
        assertThat(beanProblem.getString("detail")).doesNotContain("Exception");

        as("dir-wang").body(Api.application("cust-acme", List.of(Api.cloudHost("0")))).post("/api/applications")
                .then().statusCode(403);
    }

    @Test
    void aRejectionReturnsTheApplicationWithTheReasonAndItCanBeResubmitted() {
        // 20 %: the director, then an admin
        JsonPath app = Api.create("cm-zhang", Api.application("cust-acme", List.of(Api.cloudHost("20"))));
        String no = app.getString("applicationNo");
        JsonPath submitted = Api.submit("cm-zhang", no);
        List<Map<String, Object>> approvals = submitted.getList("approvals");
        assertThat(approvals).extracting(a -> a.get("step") + "/" + a.get("approverRole") + "/" + a.get("status"))
                .containsExactly("1/SALES_DIRECTOR/PENDING", "2/ADMIN/WAITING");
        String director = (String) approvals.get(0).get("approvalId");
        String admin = (String) approvals.get(1).get("approvalId");
        as("cm-zhang").body(Api.application("cust-acme", List.of(Api.cloudHost("1")))).put("/api/applications/" + no)
                .then().statusCode(409);

        // a rejection needs a reason
        assertThat(as("dir-wang").body(Map.of("decision", "REJECTED")).post("/api/approvals/" + director + "/decision")
                .then().statusCode(400).extract().jsonPath().getString("errors[0].field")).isEqualTo("comment");
        Api.decide("dir-wang", director, "APPROVED", "ok from me");
        JsonPath afterDirector = as("cm-zhang").get("/api/applications/" + no).jsonPath();
        assertThat(afterDirector.getString("approvals[1].status")).isEqualTo("PENDING");
        Api.decide("admin", admin, "REJECTED", "20 % is beyond this year's policy; 10 % at most");

        JsonPath rejected = as("cm-zhang").get("/api/applications/" + no).then().statusCode(200).extract().jsonPath();
        assertThat(rejected.getString("status")).isEqualTo("REJECTED");
        assertThat(rejected.getString("rejectionReason")).contains("10 % at most");

        // the manager edits (back to draft) and resubmits: 10 % needs only the director
        JsonPath edited = as("cm-zhang").body(Api.application("cust-acme", List.of(Api.cloudHost("10"))))
                .put("/api/applications/" + no).then().statusCode(200).extract().jsonPath();
        assertThat(edited.getString("status")).isEqualTo("DRAFT");
        JsonPath resubmitted = Api.submit("cm-zhang", no);
        assertThat(resubmitted.getInt("approvalRound")).isEqualTo(2);
        List<Map<String, Object>> round2 = resubmitted.<Map<String, Object>>getList("approvals").stream()
                .filter(a -> ((Integer) a.get("round")) == 2).toList();
        assertThat(round2).extracting(a -> a.get("approverRole") + "/" + a.get("status"))
                .containsExactly("SALES_DIRECTOR/PENDING");
        Api.decide("dir-wang", (String) round2.get(0).get("approvalId"), "APPROVED", "10 % fine");
        assertThat(as("cm-zhang").get("/api/applications/" + no).jsonPath().getString("status")).isEqualTo("APPROVED");
        as("cm-zhang").get("/api/agreements/" + Api.agreementOf(no)).then().statusCode(200);
    }

    @Test
    void backOfficeCompletesItsAttributesAndAManagersEditKeepsThem() {
        String address = "88 Century Avenue, Pudong, Shanghai";
        JsonPath app = Api.create("cm-zhang", Api.application("cust-acme", List.of(Api.item("DEDICATED_INTERNET_LINE", 1,
                Map.of("siteAddress", address, "bandwidthMbps", 100), "3000.00", "0"))));
        String no = app.getString("applicationNo");
        assertThat(app.getMap("items[0].attributes")).doesNotContainKeys("slaLevel", "accessNode");
        assertThat(as("bo-chen").get("/api/applications/" + no).jsonPath().getString("items[0].attributes.slaLevel"))
                .isEqualTo("SILVER");

        Map<String, Object> badNode = new HashMap<>();
        badNode.put("items", List.of(Api.item("DEDICATED_INTERNET_LINE", 1, Map.of("siteAddress", address,
                "bandwidthMbps", 100, "accessNode", "somewhere"), "3000.00", "0")));
        assertThat(as("bo-chen").body(badNode).put("/api/applications/" + no).then().statusCode(400).extract()
                .jsonPath().<String>getList("errors.field")).containsExactly("items[0].attributes.accessNode");
        Map<String, Object> completed = new HashMap<>();
        completed.put("items", List.of(Api.item("DEDICATED_INTERNET_LINE", 1, Map.of("siteAddress", address,
                "bandwidthMbps", 100, "accessNode", "PD-OLT07", "slaLevel", "GOLD"), "3000.00", "0")));
        as("bo-chen").body(completed).put("/api/applications/" + no).then().statusCode(200);

        Map<String, Object> faster = new HashMap<>();
        faster.put("items", List.of(Api.item("DEDICATED_INTERNET_LINE", 1, Map.of("siteAddress", address,
                "bandwidthMbps", 500), "3000.00", "0")));
        JsonPath edited = as("cm-zhang").body(faster).put("/api/applications/" + no).then().statusCode(200)
                .extract().jsonPath();
        assertThat(edited.getMap("items[0].attributes")).doesNotContainKey("accessNode");
        JsonPath seenByBackOffice = as("bo-chen").get("/api/applications/" + no).jsonPath();
        assertThat(seenByBackOffice.getString("items[0].attributes.accessNode")).isEqualTo("PD-OLT07");
        assertThat(seenByBackOffice.getString("items[0].attributes.slaLevel")).isEqualTo("GOLD");
        assertThat(seenByBackOffice.getInt("items[0].attributes.bandwidthMbps")).isEqualTo(500);
    }

    @Test
    void aConvertedOpportunityBecomesOneDraft() {
        String opportunityId = Api.unique("opp");
        OpportunityConverted converted = new OpportunityConverted(opportunityId, 9, "cust-acme",
                ProductLine.DEDICATED_LINE, ValueTier.KEY, new BigDecimal("6800.00"),
                new CreditSplit("cm-zhang", 70, "cm-wu", 30), null, Instant.now());
        try (Kafka kafka = new Kafka()) {
            String ceId = UUID.randomUUID().toString();
            kafka.send(EventTypes.OPPORTUNITY_CONVERTED, converted, ceId);
            kafka.send(EventTypes.OPPORTUNITY_CONVERTED, converted, ceId); // redelivery
            kafka.send(EventTypes.OPPORTUNITY_CONVERTED, converted); // resent under a new id
        }
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> !as("cm-zhang")
                .queryParam("opportunityId", opportunityId).get("/api/applications").jsonPath()
                .getList("items").isEmpty());
        // give the resends time to arrive: still one
        await().pollDelay(Duration.ofSeconds(3)).atMost(PATIENCE).until(() -> true);
        JsonPath page = as("cm-zhang").queryParam("opportunityId", opportunityId).get("/api/applications").jsonPath();
        assertThat(page.getList("items")).hasSize(1);
        assertThat(page.getString("items[0].status")).isEqualTo("DRAFT");
        assertThat(page.getString("items[0].productLine")).isEqualTo("DEDICATED_LINE");
        assertThat(page.getString("items[0].items[0].productCode")).isEqualTo("DEDICATED_INTERNET_LINE");
        assertThat(page.getString("items[0].items[0].listPrice")).isEqualTo("6800.0");
        assertThat(page.getString("items[0].creditSplit.partnerId")).isEqualTo("cm-wu");
        assertThat(page.getInt("items[0].creditSplit.ownerSharePercent")).isEqualTo(70);

        // the manager completes the draft (the install address) and submits it: no discount, a reservation
        String no = page.getString("items[0].applicationNo");
        assertThat(as("cm-zhang").post("/api/applications/" + no + "/submission").then().statusCode(400)
                .extract().jsonPath().<String>getList("errors.field")).contains("items[0].attributes.siteAddress");
        Map<String, Object> body = new HashMap<>();
        body.put("items", List.of(Api.item("DEDICATED_INTERNET_LINE", 1,
                Map.of("siteAddress", "1 Zhongshan Road, Shanghai"), "6800.00", "0")));
        as("cm-zhang").body(body).put("/api/applications/" + no).then().statusCode(200);
        JsonPath submitted = Api.submit("cm-zhang", no);
        assertThat(submitted.getString("status")).isEqualTo("PENDING_APPROVAL");
        assertThat(submitted.getString("approvals[0].kind")).isEqualTo("RESOURCE_PRE_RESERVATION");
    }

    @Test
    void theCustomerReadModelNeverGoesBackToAnOlderVersion() {
        String customer = Api.unique("cust-rm");
        try (Kafka kafka = new Kafka()) {
            kafka.send(EventTypes.CUSTOMER_SNAPSHOT, Kafka.customer(customer, "Read model test", "cm-li",
                    "hz-government", 5));
            kafka.send(EventTypes.CUSTOMER_SNAPSHOT, Kafka.customer(customer, "Read model test (old)", "cm-zhang",
                    "sh-enterprise", 4));
        }
        JsonPath app = Api.create("cm-li", Api.application(customer, List.of(Api.cloudHost("0"))));
        assertThat(app.getString("customerName")).isEqualTo("Read model test");
        as("cm-zhang").body(Api.application(customer, List.of(Api.cloudHost("0")))).post("/api/applications")
                .then().statusCode(400);
    }
}

package io.esop.opportunity.opportunity;

import static io.esop.opportunity.support.Api.as;
import static io.esop.opportunity.support.Api.opportunityOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.ArrayList;
import java.util.List;

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
import io.esop.opportunity.support.Fixtures;
import io.esop.opportunity.support.Kafka;
import io.esop.opportunity.support.Kafka.Probe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** What managers and directors do, with real tokens: scope, stages, collaboration, conversion, lists. */
@QuarkusTest
class OpportunityApiTest {

    @BeforeAll
    static void ready() {
        Fixtures.pipelineReady();
    }

    /** An opportunity owned by cm-zhang (team sh-enterprise, dir-wang's). */
    private static String zhangs(ProductLine line, Intent intent) {
        String customer = Fixtures.customer("cm-zhang", "sh-enterprise", "310000", Industry.FINANCE, "KEY");
        Signal signal = Fixtures.forCustomer(customer, SignalSource.CONTRACT_EXPIRY, line, intent, 0.8, 9000);
        Fixtures.send(signal);
        return opportunityOf(signal.signalId());
    }

    private static JsonPath stage(String user, String id, String stage, String reason, int status) {
        String body = reason == null ? "{\"stage\":\"%s\"}".formatted(stage)
                : "{\"stage\":\"%s\",\"reason\":\"%s\"}".formatted(stage, reason);
        return as(user).body(body).post("/api/opportunities/" + id + "/stage")
                .then().statusCode(status).extract().jsonPath();
    }

    @Test
    void scopeDecidesWhoSeesWhat() {
        String id = zhangs(ProductLine.IDC, Intent.RENEW);
        as("cm-zhang").get("/api/opportunities/" + id).then().statusCode(200);
        as("dir-wang").get("/api/opportunities/" + id).then().statusCode(200);
        as("cm-li").get("/api/opportunities/" + id).then().statusCode(404).contentType("application/problem+json");
        as("dir-zhao").get("/api/opportunities/" + id).then().statusCode(404);
        as("cm-wu").get("/api/opportunities/" + id).then().statusCode(404);
        as("ent-acme").get("/api/opportunities/" + id).then().statusCode(403);
        io.restassured.RestAssured.given().get("/api/opportunities/" + id).then().statusCode(401);

        assertThat(as("cm-zhang").queryParam("productLine", "IDC").queryParam("limit", 200).get("/api/opportunities")
                .then().statusCode(200).extract().jsonPath().getList("items.id")).contains(id);
        assertThat(as("cm-li").queryParam("productLine", "IDC").queryParam("limit", 200).get("/api/opportunities")
                .then().statusCode(200).extract().jsonPath().getList("items.id")).doesNotContain(id);
        assertThat(as("dir-wang").queryParam("view", "team").queryParam("productLine", "IDC").queryParam("limit", 200)
                .get("/api/opportunities").then().statusCode(200).extract().jsonPath().getList("items.id")).contains(id);
        assertThat(as("dir-zhao").queryParam("productLine", "IDC").queryParam("limit", 200).get("/api/opportunities")
                .then().statusCode(200).extract().jsonPath().getList("items.id")).doesNotContain(id);
        as("cm-zhang").queryParam("view", "team").get("/api/opportunities").then().statusCode(403);
        as("cm-zhang").queryParam("view", "all").get("/api/opportunities").then().statusCode(403);
        as("cm-zhang").queryParam("view", "nonsense").get("/api/opportunities").then().statusCode(400)
                .body(containsString("view"));
        // another's opportunity is also 404 for actions
        stage("cm-li", id, "CONTACTED", null, 404);
    }

    @Test
    void theStageMachineRefusesIllegalTransitionsAndLostNeedsAReason() {
        String id = zhangs(ProductLine.VOICE, Intent.RETAIN);
        JsonPath refused = stage("cm-zhang", id, "QUALIFIED", null, 409);
        assertThat(refused.getString("errors[0].field")).isEqualTo("stage");
        assertThat(refused.getString("detail")).contains("ASSIGNED").contains("QUALIFIED");
        stage("cm-zhang", id, "WON", null, 409);
        stage("cm-zhang", id, "BIDDING", null, 409);

        assertThat(stage("cm-zhang", id, "CONTACTED", null, 200).getList("nextStages"))
                .containsExactlyInAnyOrder("QUALIFIED", "LOST");
        stage("cm-zhang", id, "CONTACTED", null, 409);
        stage("cm-zhang", id, "LOST", null, 422).getString("errors[0].field").equals("reason");
        assertThat(stage("cm-zhang", id, "LOST", "  ", 422).getString("errors[0].field")).isEqualTo("reason");
        JsonPath lost = stage("cm-zhang", id, "LOST", "chose a competitor", 200);
        assertThat(lost.getString("summary.stage")).isEqualTo("LOST");
        assertThat(lost.getString("lostReason")).isEqualTo("chose a competitor");
        stage("cm-zhang", id, "CONTACTED", null, 409);
        as("cm-zhang").body("{\"stage\":\"FLYING\"}").post("/api/opportunities/" + id + "/stage").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void collaborationSplitIsCarriedThroughToTheConversion() throws Exception {
        String id = zhangs(ProductLine.DEDICATED_LINE, Intent.NEW);
        try (Probe events = new Probe(Topics.OPPORTUNITIES)) {
            as("cm-zhang").body("{\"partnerId\":\"cm-li\",\"ownerSharePercent\":60,\"partnerSharePercent\":50}")
                    .post("/api/opportunities/" + id + "/collaboration").then().statusCode(422)
                    .body(containsString("partnerSharePercent"));
            as("cm-li").body("{\"partnerId\":\"cm-wu\",\"ownerSharePercent\":60,\"partnerSharePercent\":40}")
                    .post("/api/opportunities/" + id + "/collaboration").then().statusCode(404);
            JsonPath invited = as("cm-zhang").body("{\"partnerId\":\"cm-li\",\"ownerSharePercent\":60,\"partnerSharePercent\":40}")
                    .post("/api/opportunities/" + id + "/collaboration").then().statusCode(200).extract().jsonPath();
            assertThat(invited.getString("collaboration.status")).isEqualTo("INVITED");
            assertThat(invited.getInt("creditSplit.ownerSharePercent")).isEqualTo(100); // not until accepted

            // the invited partner sees it and accepts; someone else cannot
            as("cm-wu").post("/api/opportunities/" + id + "/collaboration/accept").then().statusCode(404);
            JsonPath accepted = as("cm-li").post("/api/opportunities/" + id + "/collaboration/accept")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(accepted.getString("collaboration.status")).isEqualTo("ACCEPTED");
            assertThat(accepted.getInt("creditSplit.partnerSharePercent")).isEqualTo(40);
            assertThat(as("cm-li").queryParam("limit", 200).get("/api/opportunities").then().statusCode(200)
                    .extract().jsonPath().getList("items.id")).contains(id);
            // the partner does not move the stage
            stage("cm-li", id, "CONTACTED", null, 403);

            as("cm-zhang").post("/api/opportunities/" + id + "/convert").then().statusCode(409);
            for (String next : List.of("CONTACTED", "QUALIFIED", "PROPOSAL", "NEGOTIATION", "WON")) {
                stage("cm-zhang", id, next, null, 200);
            }
            JsonPath converted = as("cm-zhang").body("{}").post("/api/opportunities/" + id + "/convert")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(converted.getString("convertedAt")).isNotNull();
            as("cm-zhang").body("{}").post("/api/opportunities/" + id + "/convert").then().statusCode(409);

            List<ConsumerRecord<String, String>> published = events.await(id, 7);
            List<String> types = new ArrayList<>();
            published.forEach(r -> types.add(Probe.header(r, "ce_type")));
            assertThat(types).containsExactly(EventTypes.OPPORTUNITY_COLLABORATION_CHANGED.name(),
                    EventTypes.OPPORTUNITY_STAGE_CHANGED.name(), EventTypes.OPPORTUNITY_STAGE_CHANGED.name(),
                    EventTypes.OPPORTUNITY_STAGE_CHANGED.name(), EventTypes.OPPORTUNITY_STAGE_CHANGED.name(),
                    EventTypes.OPPORTUNITY_STAGE_CHANGED.name(), EventTypes.OPPORTUNITY_CONVERTED.name());
            JsonNode collaboration = Kafka.JSON.readTree(published.get(0).value());
            assertThat(collaboration.get("creditSplit").get("partnerId").asText()).isEqualTo("cm-li");
            assertThat(collaboration.get("changedBy").asText()).isEqualTo("cm-li");
            JsonNode conversion = Kafka.JSON.readTree(published.get(6).value());
            assertThat(conversion.get("customerId").asText()).startsWith("t-cust");
            assertThat(conversion.get("productLine").asText()).isEqualTo("DEDICATED_LINE");
            assertThat(conversion.get("estimatedMonthlyValue").decimalValue()).isEqualByComparingTo("9000");
            assertThat(conversion.get("creditSplit").get("ownerId").asText()).isEqualTo("cm-zhang");
            assertThat(conversion.get("creditSplit").get("ownerSharePercent").asInt()).isEqualTo(60);
            assertThat(conversion.get("creditSplit").get("partnerSharePercent").asInt()).isEqualTo(40);
            // sequences grow by one per event: created 1, assigned 2, then these 3..9
            assertThat(conversion.get("sequence").asLong()).isEqualTo(9);
        }
    }

    @Test
    void aDeclinedInvitationLeavesTheOwnerWithEverything() {
        String id = zhangs(ProductLine.SMS, Intent.EXPAND);
        as("cm-zhang").body("{\"partnerId\":\"cm-wu\",\"ownerSharePercent\":70,\"partnerSharePercent\":30}")
                .post("/api/opportunities/" + id + "/collaboration").then().statusCode(200);
        as("cm-wu").post("/api/opportunities/" + id + "/collaboration/decline").then().statusCode(204);
        JsonPath declined = as("cm-zhang").get("/api/opportunities/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(declined.getString("collaboration.status")).isEqualTo("NONE");
        assertThat(declined.getInt("creditSplit.ownerSharePercent")).isEqualTo(100);
        as("cm-wu").get("/api/opportunities/" + id).then().statusCode(404);
    }

    @Test
    void listsPageByCursorAndFilter() {
        List<String> created = new ArrayList<>();
        String customer = Fixtures.customer("cm-zhang", "sh-enterprise", "310000", Industry.FINANCE, "SME");
        for (Intent intent : Intent.values()) {
            Signal s = Fixtures.forCustomer(customer, SignalSource.PARTNER_REFERRAL, ProductLine.SDWAN, intent, 0.5, 700);
            Fixtures.send(s);
            created.add(opportunityOf(s.signalId()));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as("cm-zhang").queryParam("source", "PARTNER_REFERRAL").queryParam("productLine", "SDWAN")
                    .queryParam("status", "ASSIGNED").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/opportunities").then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.id");
            assertThat(ids.size()).isLessThanOrEqualTo(2);
            seen.addAll(ids);
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 1000);
        assertThat(seen).doesNotHaveDuplicates().containsAll(created);
        as("cm-zhang").queryParam("cursor", "!!not-a-cursor").get("/api/opportunities").then().statusCode(400)
                .body(containsString("cursor"));
        as("cm-zhang").queryParam("limit", 0).get("/api/opportunities").then().statusCode(400);
    }

    @Test
    void funnelStatisticsCountAndRate() {
        String won = zhangs(ProductLine.CLOUD, Intent.RENEW);
        for (String next : List.of("CONTACTED", "QUALIFIED", "PROPOSAL", "NEGOTIATION", "WON")) {
            stage("cm-zhang", won, next, null, 200);
        }
        for (String by : List.of("source", "productLine", "region", "owner")) {
            JsonPath funnel = as("dir-wang").queryParam("by", by).get("/api/opportunities/funnel")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(funnel.getList("rows")).isNotEmpty();
            long total = funnel.getList("rows.total", Long.class).stream().mapToLong(Long::longValue).sum();
            long wonCount = funnel.getList("rows.won", Long.class).stream().mapToLong(Long::longValue).sum();
            assertThat(wonCount).isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(total);
        }
        JsonPath mine = as("cm-zhang").queryParam("by", "owner").get("/api/opportunities/funnel")
                .then().statusCode(200).extract().jsonPath();
        assertThat(mine.getList("rows.key")).containsExactly("cm-zhang");
        as("cm-zhang").queryParam("by", "colour").get("/api/opportunities/funnel").then().statusCode(400);
    }
}

package io.esop.opportunity.opportunity;

import static io.esop.opportunity.support.Api.as;
import static io.esop.opportunity.support.Api.awaitStage;
import static io.esop.opportunity.support.Api.opportunityOf;
import static org.assertj.core.api.Assertions.assertThat;

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
import io.esop.opportunity.support.Db;
import io.esop.opportunity.support.Fixtures;
import io.esop.opportunity.support.Kafka;
import io.esop.opportunity.support.Kafka.Probe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Placement of prospects (no account manager): the pool, bidding (director award and system award at
 * close), the director queue. Staff rows are fixtures in this service's test database, in test regions
 * under "99" that no real staff member covers.
 */
@QuarkusTest
class AssignmentTest {

    @BeforeAll
    static void ready() {
        // fixtures of earlier runs must not join this run's pools
        Db.update("delete from staff_view where staff_id like 't-%'");
        Fixtures.pipelineReady();
    }

    @Test
    void aProspectGoesToTheBestEligibleManagerWithFreeCapacity() throws Exception {
        String region = Fixtures.testRegion();
        String able = Fixtures.id("t-pool");
        Db.staff(able, "CUSTOMER_MANAGER", region, "MANUFACTURING,ENERGY", "IOT,CLOUD", "t-team", 10);
        Db.staff(Fixtures.id("t-noskill"), "CUSTOMER_MANAGER", region, "MANUFACTURING", "VOICE", "t-team", 10);
        Db.staff(Fixtures.id("t-full"), "CUSTOMER_MANAGER", region, "MANUFACTURING", "IOT", "t-team", 0);
        Db.staff(Fixtures.id("t-elsewhere"), "CUSTOMER_MANAGER", "980000", "MANUFACTURING", "IOT", "t-team", 10);

        Signal signal = Fixtures.forProspect(region, Industry.MANUFACTURING, ProductLine.IOT, Intent.NEW, 1500);
        try (Probe events = new Probe(Topics.OPPORTUNITIES)) {
            Fixtures.send(signal);
            String id = opportunityOf(signal.signalId());
            JsonPath opp = awaitStage(id, "ASSIGNED");
            assertThat(opp.getString("summary.ownerId")).isEqualTo(able);
            assertThat(opp.getString("assignmentReason")).startsWith("best ability in the pool");
            assertThat(opp.getString("summary.valueTier")).isEqualTo("SME");

            List<ConsumerRecord<String, String>> published = events.await(id, 2);
            JsonNode assigned = Kafka.JSON.readTree(published.get(1).value());
            assertThat(Probe.header(published.get(1), "ce_type")).isEqualTo(EventTypes.OPPORTUNITY_ASSIGNED.name());
            assertThat(assigned.get("ownerId").asText()).isEqualTo(able);
            assertThat(assigned.get("teamId").asText()).isEqualTo("t-team");
            JsonNode created = Kafka.JSON.readTree(published.get(0).value());
            assertThat(created.get("prospect").get("creditCode").asText()).isEqualTo(signal.prospect().creditCode());
        }
    }

    @Test
    void severalManagersWithCloseAbilityOpenBidding() {
        String region = Fixtures.testRegion();
        String a = Fixtures.id("t-close");
        String b = Fixtures.id("t-close");
        Db.staff(a, "CUSTOMER_MANAGER", region, "ENERGY", "SDWAN", "t-team", 10);
        Db.staff(b, "CUSTOMER_MANAGER", region, "ENERGY", "SDWAN", "t-team", 10);
        Signal signal = Fixtures.forProspect(region, Industry.ENERGY, ProductLine.SDWAN, Intent.NEW, 800);
        Fixtures.send(signal);
        JsonPath opp = awaitStage(opportunityOf(signal.signalId()), "BIDDING");
        assertThat(opp.getList("eligibleManagerIds")).containsExactlyInAnyOrder(a, b);
        assertThat(opp.getString("assignmentReason")).contains("close ability");
    }

    @Test
    void withoutEligibleManagerItGoesToTheDirectorQueueNeverNowhere() throws Exception {
        String region = Fixtures.testRegion();
        String director = Fixtures.id("t-dir");
        String team = Fixtures.id("t-team");
        Db.staff(director, "SALES_DIRECTOR", region, "", "", team, 0);
        Signal signal = Fixtures.forProspect(region, Industry.HEALTHCARE, ProductLine.VOICE, Intent.NEW, 500);
        try (Probe events = new Probe(Topics.OPPORTUNITIES)) {
            Fixtures.send(signal);
            String id = opportunityOf(signal.signalId());
            JsonPath opp = awaitStage(id, "DIRECTOR_QUEUE");
            assertThat(opp.getString("summary.teamId")).isEqualTo(team);
            assertThat(opp.getString("directorId")).isEqualTo(director);
            assertThat(opp.getString("summary.ownerId")).isNull();

            List<ConsumerRecord<String, String>> published = events.await(id, 2);
            assertThat(Probe.header(published.get(1), "ce_type")).isEqualTo(EventTypes.OPPORTUNITY_STAGE_CHANGED.name());
            assertThat(Kafka.JSON.readTree(published.get(1).value()).get("to").asText()).isEqualTo("DIRECTOR_QUEUE");
        }

        // no director covers the region either: the fallback team's queue (sh-enterprise, dir-wang's)
        Signal orphan = Fixtures.forProspect(Fixtures.testRegion(), Industry.HEALTHCARE, ProductLine.VOICE, Intent.NEW, 500);
        Fixtures.send(orphan);
        String orphanId = opportunityOf(orphan.signalId());
        assertThat(awaitStage(orphanId, "DIRECTOR_QUEUE").getString("summary.teamId")).isEqualTo("sh-enterprise");
        assertThat(as("dir-wang").queryParam("status", "DIRECTOR_QUEUE").queryParam("limit", 200)
                .get("/api/opportunities").then().statusCode(200).extract().jsonPath().getList("items.id"))
                .contains(orphanId);
        // the director assigns it by hand
        as("dir-wang").body("{\"ownerId\":\"cm-wu\",\"reason\":\"knows the hospital\"}")
                .post("/api/opportunities/" + orphanId + "/assign").then().statusCode(200);
        JsonPath assigned = awaitStage(orphanId, "ASSIGNED");
        assertThat(assigned.getString("summary.ownerId")).isEqualTo("cm-wu");
        as("dir-wang").body("{\"ownerId\":\"cm-zhang\"}").post("/api/opportunities/" + orphanId + "/assign")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aValuableProspectOpensBiddingTheDirectorAwardsAndBidsAreKept() throws Exception {
        String region = biddingRegion();
        Signal signal = Fixtures.forProspect(region, Industry.RETAIL, ProductLine.CLOUD, Intent.NEW, 50_000);
        try (Probe events = new Probe(Topics.OPPORTUNITIES)) {
            Fixtures.send(signal);
            String id = opportunityOf(signal.signalId());
            JsonPath opp = awaitStage(id, "BIDDING");
            assertThat(opp.getList("eligibleManagerIds")).containsExactlyInAnyOrder("cm-zhang", "cm-wu");
            assertThat(opp.getString("summary.biddingClosesAt")).isNotNull();

            assertThat(as("cm-wu").queryParam("view", "bids").queryParam("limit", 200).get("/api/opportunities")
                    .then().statusCode(200).extract().jsonPath().getList("items.id")).contains(id);
            as("cm-li").get("/api/opportunities/" + id).then().statusCode(404);
            String bid = "{\"plan\":\"%s\",\"proposedFirstContact\":\"2030-01-15\"}";
            as("cm-li").body(bid.formatted("me too")).post("/api/opportunities/" + id + "/bids").then().statusCode(404);
            as("cm-zhang").body(bid.formatted("visit the CIO with a cloud architect")).post("/api/opportunities/" + id + "/bids")
                    .then().statusCode(201);
            as("cm-wu").body(bid.formatted("workshop on retail cloud")).post("/api/opportunities/" + id + "/bids")
                    .then().statusCode(201);
            as("cm-wu").body(bid.formatted("again")).post("/api/opportunities/" + id + "/bids")
                    .then().statusCode(409).contentType("application/problem+json");
            as("cm-wu").body("{\"plan\":\"\"}").post("/api/opportunities/" + id + "/bids").then().statusCode(400);

            as("cm-zhang").body("{\"bidderId\":\"cm-zhang\"}").post("/api/opportunities/" + id + "/award")
                    .then().statusCode(403);
            as("dir-zhao").body("{\"bidderId\":\"cm-zhang\"}").post("/api/opportunities/" + id + "/award")
                    .then().statusCode(404);
            as("dir-wang").body("{\"bidderId\":\"cm-li\"}").post("/api/opportunities/" + id + "/award")
                    .then().statusCode(422);
            JsonPath awarded = as("dir-wang").body("{\"bidderId\":\"cm-wu\",\"reason\":\"retail experience\"}")
                    .post("/api/opportunities/" + id + "/award").then().statusCode(200).extract().jsonPath();
            assertThat(awarded.getString("summary.stage")).isEqualTo("ASSIGNED");
            assertThat(awarded.getString("summary.ownerId")).isEqualTo("cm-wu");
            assertThat(awarded.getString("awardReason")).isEqualTo("retail experience");
            assertThat(awarded.getString("awardedBy")).isEqualTo("dir-wang");
            assertThat(awarded.getList("bids.bidderId")).containsExactlyInAnyOrder("cm-zhang", "cm-wu");

            List<ConsumerRecord<String, String>> published = events.await(id, 3);
            assertThat(published).extracting(r -> Probe.header(r, "ce_type")).containsExactly(
                    EventTypes.OPPORTUNITY_CREATED.name(), EventTypes.OPPORTUNITY_BIDDING_OPENED.name(),
                    EventTypes.OPPORTUNITY_AWARDED.name());
            JsonNode award = Kafka.JSON.readTree(published.get(2).value());
            assertThat(award.get("winnerId").asText()).isEqualTo("cm-wu");
            assertThat(award.get("awardedBy").asText()).isEqualTo("dir-wang");
            assertThat(award.get("sequence").asLong()).isEqualTo(3);

            // the losing bidder no longer sees it; the winner does, with their bid only
            as("cm-zhang").get("/api/opportunities/" + id).then().statusCode(404);
            assertThat(as("cm-wu").get("/api/opportunities/" + id).then().statusCode(200).extract().jsonPath()
                    .getList("bids.bidderId")).containsExactlyInAnyOrder("cm-zhang", "cm-wu");
        }
    }

    @Test
    void atCloseTheSystemAwardsByAbilityOrQueuesForTheDirectorWithoutBids() {
        String region = biddingRegion();
        Signal withBid = Fixtures.forProspect(region, Industry.RETAIL, ProductLine.CLOUD, Intent.EXPAND, 60_000);
        Signal withoutBid = Fixtures.forProspect(region, Industry.RETAIL, ProductLine.CLOUD, Intent.RENEW, 60_000);
        Fixtures.send(withBid);
        Fixtures.send(withoutBid);
        String id = opportunityOf(withBid.signalId());
        String idle = opportunityOf(withoutBid.signalId());
        awaitStage(id, "BIDDING");
        awaitStage(idle, "BIDDING");
        as("cm-zhang").body("{\"plan\":\"call this week\",\"proposedFirstContact\":\"2030-02-01\"}")
                .post("/api/opportunities/" + id + "/bids").then().statusCode(201);

        // the window ends now (instead of waiting 24 h)
        Db.update("update opportunity set bidding_closes_at = now() - interval '1 second' where id in (?, ?)", id, idle);
        JsonPath awarded = awaitStage(id, "ASSIGNED");
        assertThat(awarded.getString("summary.ownerId")).isEqualTo("cm-zhang");
        assertThat(awarded.getString("awardedBy")).isEqualTo("system");
        assertThat(awarded.getString("awardReason")).startsWith("system award at close");
        assertThat(awaitStage(idle, "DIRECTOR_QUEUE").getString("assignmentReason")).contains("without a bid");
    }

    @Test
    void theLoadsAssignmentReadsAreThoseOfTheOpportunitiesAndStaySoWhenFolded() {
        String region = Fixtures.testRegion();
        String manager = Fixtures.id("t-load");
        Db.staff(manager, "CUSTOMER_MANAGER", region, "LOGISTICS", "SMS,VOICE", "t-team", 2);
        Signal first = Fixtures.forProspect(region, Industry.LOGISTICS, ProductLine.SMS, Intent.NEW, 500);
        Signal second = Fixtures.forProspect(region, Industry.LOGISTICS, ProductLine.VOICE, Intent.NEW, 500);
        Fixtures.send(first);
        Fixtures.send(second);
        String won = opportunityOf(first.signalId());
        awaitStage(won, "ASSIGNED");
        awaitStage(opportunityOf(second.signalId()), "ASSIGNED");
        assertThat(loadMismatches()).isZero();
        assertThat(Db.single("select sum(open_count) from manager_load where owner_id = ?", manager))
                .isEqualTo(java.math.BigDecimal.valueOf(2));
        // what assignment reads: the manager is at capacity (2), so a third prospect goes to the director queue
        Signal third = Fixtures.forProspect(region, Industry.LOGISTICS, ProductLine.SMS, Intent.RENEW, 500);
        Fixtures.send(third);
        awaitStage(opportunityOf(third.signalId()), "DIRECTOR_QUEUE");

        // a closed opportunity leaves the open load and joins the record (any statement changing stages counts)
        Db.update("update opportunity set stage = 'WON' where id = ?", won);
        assertThat(loadMismatches()).isZero();
        assertThat(Db.single("select sum(open_count) || '/' || sum(won_count) || '/' || sum(closed_count)"
                + " from manager_load where owner_id = ? and product_line = 'SMS'", manager)).isEqualTo("0/1/1");

        // the service folds the rows (every few seconds in tests) into one per manager and product line, same sums
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> (Long) Db.single(
                "select count(*) from (select 1 from manager_load group by owner_id, product_line having count(*) > 1) m")
                == 0L);
        assertThat(loadMismatches()).isZero();
    }

    /** (owner, product line) pairs whose loads differ from a count of the opportunities (one snapshot). */
    private static long loadMismatches() {
        return (Long) Db.single("""
                select count(*) from (
                    (select owner_id, product_line, sum(open_count) as open, sum(won_count) as won, sum(closed_count) as closed
                     from manager_load group by owner_id, product_line
                     having sum(open_count) <> 0 or sum(won_count) <> 0 or sum(closed_count) <> 0
                     except
                     select owner_id, product_line, count(*) filter (where stage not in ('WON', 'LOST')),
                            count(*) filter (where stage = 'WON'), count(*) filter (where stage in ('WON', 'LOST'))
                     from opportunity where owner_id is not null group by owner_id, product_line)
                    union all
                    (select owner_id, product_line, count(*) filter (where stage not in ('WON', 'LOST')),
                            count(*) filter (where stage = 'WON'), count(*) filter (where stage in ('WON', 'LOST'))
                     from opportunity where owner_id is not null group by owner_id, product_line
                     except
                     select owner_id, product_line, sum(open_count), sum(won_count), sum(closed_count)
                     from manager_load group by owner_id, product_line)) differing""");
    }

    /** cm-zhang and cm-wu are the only managers of a fresh test region, selling CLOUD to RETAIL. */
    private static String biddingRegion() {
        String region = Fixtures.testRegion();
        Db.staff("cm-zhang", "CUSTOMER_MANAGER", region, "FINANCE,MANUFACTURING,RETAIL", "DEDICATED_LINE,CLOUD",
                "sh-enterprise", 1_000_000);
        Db.staff("cm-wu", "CUSTOMER_MANAGER", region, "RETAIL,INTERNET", "CLOUD,IOT", "sh-enterprise", 1_000_000);
        return region;
    }
}

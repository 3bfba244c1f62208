package io.esop.load.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.esop.load.Stack;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An account manager's working session, as an open workload (sessions arriving at {@code load.rate} per second):
 * sign in to the workbench and keep its live stream open, list and open opportunities, move one a stage on,
 * capture a new one in the field, bid on an open bid, create and submit an application (10 % discount, so a
 * director must approve it), open an order's timeline. Beside them, one virtual user per sales director works
 * through the team's pending approvals for the whole run. Assertions: no failed request, p99 and p50 under
 * {@code load.p99.max}/{@code load.p50.max}.
 */
public class AccountManagerDaySimulation extends Simulation {

    static final String OPP = Stack.opportunity() + "/api/opportunities";
    static final List<String> LINES = List.of("DEDICATED_LINE", "CLOUD");

    static ChainBuilder opportunities() {
        return exec(LoadFlows.fresh())
                .exec(http("opportunities: mine").get(OPP + "?view=mine&limit=20").header("Authorization", LoadFlows.BEARER)
                        .check(jsonPath("$.items[*].id").findRandom().optional().saveAs("opportunityId")))
                .pause(LoadProfile.think(1))
                .doIf(s -> s.contains("opportunityId")).then(
                        exec(http("opportunities: open one").get(OPP + "/#{opportunityId}")
                                .header("Authorization", LoadFlows.BEARER)
                                .check(jsonPath("$.nextStages[0]").optional().saveAs("nextStage")))
                                .pause(LoadProfile.think(2))
                                .doIf(s -> s.contains("nextStage") && !"LOST".equals(s.getString("nextStage"))).then(
                                        exec(http("opportunities: move stage").post(OPP + "/#{opportunityId}/stage")
                                                .header("Authorization", LoadFlows.BEARER)
                                                .body(StringBody("{\"stage\":\"#{nextStage}\",\"reason\":\"load test\"}"))
                                                .check(status().is(200))))
                                .exec(s -> s.remove("nextStage").remove("opportunityId")));
    }

    static ChainBuilder fieldCapture() {
        return exec(LoadFlows.fresh())
                .exec(s -> s.set("line", LINES.get(ThreadLocalRandom.current().nextInt(LINES.size()))))
                .exec(http("opportunities: field capture").post(OPP + "/field-capture")
                        .header("Authorization", LoadFlows.BEARER)
                        .body(StringBody("{\"customerId\":\"#{customerId}\",\"productLine\":\"#{line}\","
                                + "\"intent\":\"EXPAND\",\"strength\":0.6,\"estimatedMonthlyValue\":6000,"
                                + "\"detail\":\"visited on site (load test)\"}"))
                        .check(status().is(202)));
    }

    static ChainBuilder bid() {
        return exec(LoadFlows.fresh())
                .exec(http("opportunities: open bids").get(OPP + "?view=bids&limit=20")
                        .header("Authorization", LoadFlows.BEARER)
                        .check(jsonPath("$.items[*].id").findRandom().optional().saveAs("bidOpportunityId")))
                .doIf(s -> s.contains("bidOpportunityId")).then(
                        exec(http("opportunities: open the bid").get(OPP + "/#{bidOpportunityId}")
                                .header("Authorization", LoadFlows.BEARER)
                                .check(jsonPath("$.bids[*].bidderId").findAll().optional().saveAs("bidders")))
                                .doIf(AccountManagerDaySimulation::notBidYet).then(
                                        exec(s -> s.set("firstContact", LocalDate.now().plusDays(2).toString()))
                                                .exec(http("opportunities: bid").post(OPP + "/#{bidOpportunityId}/bids")
                                                        .header("Authorization", LoadFlows.BEARER)
                                                        .body(StringBody("{\"plan\":\"visit with a solution architect\","
                                                                + "\"proposedFirstContact\":\"#{firstContact}\"}"))
                                                        .check(status().in(200, 201))))
                                .exec(s -> s.remove("bidders").remove("bidOpportunityId")));
    }

    private static boolean notBidYet(Session s) {
        return !s.contains("bidders") || !s.getList("bidders").contains(s.getString("username"));
    }

    static ChainBuilder application() {
        String item = "{\"productCode\":\"CLOUD_HOST\",\"quantity\":1,\"attributes\":{\"vcpu\":8,\"memoryGb\":16},"
                + "\"listPrice\":1200.00,\"discountPercent\":10}";
        return exec(LoadFlows.fresh())
                .exec(http("applications: create").post(Stack.order() + "/api/applications")
                        .header("Authorization", LoadFlows.BEARER)
                        .body(StringBody("{\"customerId\":\"#{customerId}\",\"items\":[" + item + "]}"))
                        .check(status().is(201), jsonPath("$.applicationNo").saveAs("applicationNo")))
                .pause(LoadProfile.think(2))
                .exec(http("applications: submit").post(Stack.order() + "/api/applications/#{applicationNo}/submission")
                        .header("Authorization", LoadFlows.BEARER).check(status().is(200)));
    }

    static ChainBuilder orders() {
        return exec(LoadFlows.fresh())
                .exec(http("orders: mine").get(Stack.order() + "/api/orders?limit=20").header("Authorization", LoadFlows.BEARER)
                        .check(jsonPath("$.items[*].orderId").findRandom().optional().saveAs("orderToOpen")))
                .doIf(s -> s.contains("orderToOpen")).then(
                        exec(http("orders: timeline").get(Stack.order() + "/api/orders/#{orderToOpen}/timeline")
                                .header("Authorization", LoadFlows.BEARER).check(status().is(200))));
    }

    static final ScenarioBuilder MANAGERS = scenario("account manager")
            .exec(feed(LoadFlows.users("customer-manager")))
            .exec(LoadFlows.token())
            .exec(LoadFlows.workbenchSignIn("/"))
            .exec(LoadFlows.openLive())
            .exec(opportunities()).pause(LoadProfile.think(3))
            .exec(fieldCapture()).pause(LoadProfile.think(3))
            .exec(bid()).pause(LoadProfile.think(2))
            .exec(application()).pause(LoadProfile.think(3))
            .exec(orders()).pause(LoadProfile.think(2))
            .exec(opportunities())
            .exec(LoadFlows.closeLive());

    static ChainBuilder decideApprovals() {
        return exec(LoadFlows.fresh())
                .exec(http("approvals: pending").get(Stack.order() + "/api/approvals/pending?limit=20")
                        .header("Authorization", LoadFlows.BEARER)
                        .check(jsonPath("$.items[*].approvalId").findAll().optional().saveAs("approvalIds")))
                .doIf(s -> s.contains("approvalIds")).then(
                        exec(s -> s.set("approvalId", s.getList("approvalIds").get(0)))
                                .pause(LoadProfile.think(1))
                                .exec(http("approvals: decide").post(Stack.order() + "/api/approvals/#{approvalId}/decision")
                                        .header("Authorization", LoadFlows.BEARER)
                                        .body(StringBody("{\"decision\":\"APPROVED\",\"comment\":\"ok (load test)\"}"))
                                        .check(status().is(200)))
                                .exec(s -> s.remove("approvalIds")))
                .pause(LoadProfile.think(2));
    }

    /** One virtual user per director (each team's approvals are decided by one person, never twice at once). */
    static final ScenarioBuilder DIRECTORS = scenario("sales director")
            .exec(feed(LoadFlows.users("sales-director")))
            .exec(LoadFlows.token())
            .exec(during(Duration.ofSeconds(LoadProfile.ramp() + LoadProfile.plateau())).on(decideApprovals()));

    {
        setUp(MANAGERS.injectOpen(LoadProfile.arrivals(LoadProfile.rate())),
                DIRECTORS.injectOpen(atOnceUsers(io.esop.load.setup.LoadPopulation.read("sales-director").size())))
                .protocols(LoadFlows.protocol())
                .assertions(global().failedRequests().percent().is(0.0),
                        global().responseTime().percentile(99.0).lt(LoadProfile.p99Max()),
                        global().responseTime().percentile(50.0).lt(LoadProfile.p50Max()));
    }
}

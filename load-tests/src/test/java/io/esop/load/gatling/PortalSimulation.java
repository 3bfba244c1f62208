package io.esop.load.gatling;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.currentLocationRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.esop.load.Stack;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Enterprise customers on the portal, as an open workload ({@code load.rate} sessions per second): sign in, keep
 * the live stream open, open the portal page, follow their company's orders (list and timeline through the order
 * API with their own token), open the page again, and send an inquiry that becomes a PORTAL_INQUIRY signal.
 * Assertions as for the managers.
 */
public class PortalSimulation extends Simulation {

    static final ScenarioBuilder CUSTOMERS = scenario("enterprise customer")
            .exec(feed(LoadFlows.users("enterprise-customer")))
            .exec(LoadFlows.token())
            .exec(LoadFlows.workbenchSignIn("/portal"))
            .exec(LoadFlows.openLive())
            .exec(http("portal: page").get(Stack.workbench() + "/portal").header("Accept", "text/html")
                    .check(status().is(200)))
            .exec(repeat(3).on(exec(LoadFlows.fresh())
                    .exec(http("orders: my company's").get(Stack.order() + "/api/orders?customerId=#{customerId}&limit=20")
                            .header("Authorization", LoadFlows.BEARER)
                            .check(status().is(200), substring("#{orderId}")))
                    .exec(http("orders: timeline").get(Stack.order() + "/api/orders/#{orderId}/timeline")
                            .header("Authorization", LoadFlows.BEARER).check(status().is(200)))
                    .pause(LoadProfile.think(3))))
            .exec(http("portal: page again").get(Stack.workbench() + "/portal").header("Accept", "text/html")
                    .check(status().is(200)))
            .exec(http("portal: inquiry").post(Stack.workbench() + "/portal/inquiries").header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .formParam("productLine", "SDWAN").formParam("intent", "NEW")
                    .formParam("detail", "SD-WAN for our branches (load test)").formParam("estimatedMonthlyValue", "9000")
                    .check(status().is(200), currentLocationRegex("sent=").exists()))
            .exec(LoadFlows.closeLive());

    {
        setUp(CUSTOMERS.injectOpen(LoadProfile.arrivals(LoadProfile.rate())))
                .protocols(LoadFlows.protocol())
                .assertions(global().failedRequests().percent().is(0.0),
                        global().responseTime().percentile(99.0).lt(LoadProfile.p99Max()),
                        global().responseTime().percentile(50.0).lt(LoadProfile.p50Max()));
    }
}

package io.esop.order.flow;

import static io.esop.order.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.esop.contracts.EventTypes;
import io.esop.order.support.Api;
import io.esop.order.support.Kafka;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Data scope with real tokens: a manager of another team (and that team's director) cannot see an application
 * (404), and the enterprise customer ent-acme sees only ACME's agreements and orders.
 */
@QuarkusTest
class ScopeTest {

    static String hzCustomer;
    static String hzApplication;
    static String hzOrder;
    static String acmeOrder;

    static boolean ready;

    // once per class, but only once Quarkus listens (a static @BeforeAll runs before it starts)
    @BeforeEach
    synchronized void twoCustomersTwoTeams() {
        if (ready) {
            return;
        }
        ready = true;
        hzCustomer = Api.unique("cust-hz");
        try (Kafka kafka = new Kafka()) {
            kafka.ensureAcme();
            kafka.send(EventTypes.CUSTOMER_SNAPSHOT,
                    Kafka.customer(hzCustomer, "Hangzhou Test Bureau " + hzCustomer, "cm-li", "hz-government", 1));
        }
        hzOrder = Api.quickOrder("cm-li", hzCustomer, "cm-li");
        hzApplication = "APP-" + hzOrder.substring(4);
        acmeOrder = Api.quickOrder("cm-zhang", "cust-acme", "ent-acme");
    }

    @Test
    void aManagerOfAnotherTeamCannotSeeTheApplication() {
        as("cm-li").get("/api/applications/" + hzApplication).then().statusCode(200);
        as("dir-zhao").get("/api/applications/" + hzApplication).then().statusCode(200);
        as("bo-chen").get("/api/applications/" + hzApplication).then().statusCode(200);
        as("cm-zhang").get("/api/applications/" + hzApplication).then().statusCode(404)
                .contentType("application/problem+json");
        as("cm-wu").get("/api/applications/" + hzApplication).then().statusCode(404);
        as("dir-wang").get("/api/applications/" + hzApplication).then().statusCode(404);
        as("cm-zhang").get("/api/orders/" + hzOrder).then().statusCode(404);
        as("cm-zhang").get("/api/trace/" + hzOrder).then().statusCode(404);
        assertThat(allApplications("cm-zhang", "mine")).doesNotContain(hzApplication);
        assertThat(allApplications("dir-wang", "team")).doesNotContain(hzApplication);
        assertThat(allApplications("dir-zhao", "team")).contains(hzApplication);
    }

    @Test
    void aManagerCannotApplyForAnotherTeamsCustomer() {
        JsonPath problem = as("cm-zhang").body(Api.application(hzCustomer, List.of(Api.cloudHost("0"))))
                .post("/api/applications").then().statusCode(400).contentType("application/problem+json")
                .extract().jsonPath();
        assertThat(problem.getString("errors[0].field")).isEqualTo("customerId");
    }

    @Test
    void theEnterpriseCustomerSeesOnlyItsOwnCompany() {
        as("ent-acme").get("/api/orders/" + acmeOrder).then().statusCode(200);
        as("ent-acme").get("/api/orders/" + hzOrder).then().statusCode(404);
        as("ent-acme").get("/api/agreements/AGR-" + hzOrder.substring(4)).then().statusCode(404);
        as("ent-acme").get("/api/agreements/AGR-" + hzOrder.substring(4) + "/html").then().statusCode(404);
        as("ent-acme").get("/api/trace/" + hzOrder).then().statusCode(404);
        as("ent-acme").post("/api/agreements/AGR-" + hzOrder.substring(4) + "/signature").then().statusCode(404);
        // applications and approvals are internal
        as("ent-acme").get("/api/applications/" + hzApplication).then().statusCode(403);
        as("ent-acme").get("/api/templates").then().statusCode(403);

        List<String> customers = new ArrayList<>();
        List<String> orderIds = new ArrayList<>();
        String cursor = "";
        do {
            JsonPath page = as("ent-acme").queryParam("limit", 50).queryParam("cursor", cursor).get("/api/orders")
                    .then().statusCode(200).extract().jsonPath();
            customers.addAll(page.getList("items.customerId"));
            orderIds.addAll(page.getList("items.orderId"));
            cursor = page.getString("nextCursor");
        } while (cursor != null && orderIds.size() < 2000);
        assertThat(orderIds).contains(acmeOrder).doesNotContain(hzOrder);
        assertThat(customers).containsOnly("cust-acme");

        JsonPath agreements = as("ent-acme").queryParam("limit", 200).get("/api/agreements").then().statusCode(200)
                .extract().jsonPath();
        assertThat(agreements.<String>getList("items.customerId")).containsOnly("cust-acme");
    }

    @Test
    void unauthenticatedCallsAreRefusedButHealthIsOpen() {
        io.restassured.RestAssured.given().get("/api/orders").then().statusCode(401);
        io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(200);
    }

    static List<String> allApplications(String user, String view) {
        List<String> numbers = new ArrayList<>();
        String cursor = "";
        do {
            JsonPath page = as(user).queryParam("view", view).queryParam("limit", 200).queryParam("cursor", cursor)
                    .get("/api/applications").then().statusCode(200).extract().jsonPath();
            numbers.addAll(page.getList("items.applicationNo"));
            cursor = page.getString("nextCursor");
        } while (cursor != null && numbers.size() < 5000);
        return numbers;
    }

}

package io.esop.customer.customer;

import static io.esop.customer.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.esop.customer.support.Api;
import io.quarkus.test.junit.QuarkusTest;

/** Errors are RFC 9457 problem+json naming the field, never a stack trace. */
@QuarkusTest
class CustomerValidationTest {

    @Test
    void anInvalidCreditCodeIsA400NamingCreditCode() {
        Map<String, Object> body = Api.customer(Api.marker("invalid"), "310000", "sh-enterprise", "cm-zhang");
        String valid = (String) body.get("creditCode");
        char last = valid.charAt(17);
        body.put("creditCode", valid.substring(0, 17) + (last == '0' ? '1' : '0'));
        as("bo-chen").body(body).post("/api/customers").then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("errors.field", hasItem("creditCode"))
                .body("detail", containsString("check character"))
                .body(not(containsString("Exception")));

        body.put("creditCode", "91310000MA1234");
        as("bo-chen").body(body).post("/api/customers").then()
                .statusCode(400).body("errors.field", hasItem("creditCode"));
    }

    @Test
    void aDuplicateCreditCodeIsA409NamingCreditCode() {
        Map<String, Object> first = Api.customer(Api.marker("dup"), "310000", "sh-enterprise", "cm-zhang");
        Api.create(first);
        Map<String, Object> second = Api.customer(Api.marker("dup"), "330100", "hz-government", "cm-li");
        second.put("creditCode", first.get("creditCode"));
        as("bo-chen").body(second).post("/api/customers").then()
                .statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("creditCode"));

        // editing another customer onto the same code is refused the same way
        String other = Api.create(Api.customer(Api.marker("dup"), "310000", "sh-enterprise", "cm-zhang"));
        as("admin").body(second).put("/api/customers/" + other).then()
                .statusCode(409).body("errors[0].field", equalTo("creditCode"));
    }

    @Test
    void otherFieldsAreNamedToo() {
        Map<String, Object> body = Api.customer(" ", "31000", "sh-enterprise", "cm-zhang");
        body.put("contacts", java.util.List.of(Map.of("role", "CIO")));
        as("admin").body(body).post("/api/customers").then()
                .statusCode(400)
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("region"))
                .body("errors.field", hasItem("contacts[0].name"));

        Map<String, Object> badEnum = Api.customer(Api.marker("enum"), "310000", "sh-enterprise", "cm-zhang");
        badEnum.put("valueTier", "PLATINUM");
        as("admin").body(badEnum).post("/api/customers").then()
                .statusCode(400).body("errors[0].field", equalTo("valueTier"));

        as("admin").queryParam("limit", 0).get("/api/customers").then()
                .statusCode(400).body("errors[0].field", equalTo("limit"));
        as("admin").queryParam("cursor", "%%%").get("/api/customers").then()
                .statusCode(400).body("errors[0].field", equalTo("cursor"));
        as("admin").queryParam("limit", "many").get("/api/customers").then()
                .statusCode(400).body("errors[0].field", equalTo("limit"));
        as("admin").queryParam("industry", "BANANA").get("/api/customers").then()
                .statusCode(400).body("errors[0].field", equalTo("industry"));
        as("admin").queryParam("region", "31").get("/api/customers").then()
                .statusCode(400).body("errors[0].field", equalTo("region"));
        as("admin").body("{not json").post("/api/customers").then()
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void openApiDocumentsTheBulkCustomMethod() {
        as("admin").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/customers/{id}/members:bulk:"))
                .body(not(containsString("/api/customers/{id}/members/bulk:")));
    }

    @Test
    void anUnknownCustomerIsA404Problem() {
        as("admin").get("/api/customers/cust-nobody").then()
                .statusCode(404).contentType(startsWith("application/problem+json"));
        as("admin").body(Api.customer(Api.marker("x"), "310000", "sh-enterprise", null))
                .put("/api/customers/cust-nobody").then().statusCode(404);
    }
}

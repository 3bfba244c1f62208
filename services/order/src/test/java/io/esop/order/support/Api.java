package io.esop.order.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.esop.testing.Tokens;

/** REST calls as a demo user, and the common steps of the order flow. */
public final class Api {

    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private Api() {
    }

    public static RequestSpecification as(String username) {
        return given().header("Authorization", Tokens.bearer(username)).contentType(ContentType.JSON);
    }

    /** A marker unique to this test run, for ids that must never collide with earlier runs. */
    public static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.currentTimeMillis(), 36)
                + Integer.toString(ThreadLocalRandom.current().nextInt(46656), 36);
    }

    public static Map<String, Object> item(String product, int quantity, Map<String, Object> attributes,
            String listPrice, String discount) {
        Map<String, Object> item = new HashMap<>();
        item.put("productCode", product);
        item.put("quantity", quantity);
        item.put("attributes", attributes);
        item.put("listPrice", new java.math.BigDecimal(listPrice));
        item.put("discountPercent", new java.math.BigDecimal(discount));
        return item;
    }

    public static Map<String, Object> cloudHost(String discount) {
        return item("CLOUD_HOST", 1, Map.of("vcpu", 8, "memoryGb", 16), "1200.00", discount);
    }

    public static Map<String, Object> application(String customerId, List<Map<String, Object>> items) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customerId);
        body.put("items", items);
        return body;
    }

    /**
     * Creates an application, waiting until the customer read model has caught up with the snapshot the test
     * produced (until then the customer is unknown: 400 on customerId).
     */
    public static JsonPath create(String manager, Map<String, Object> body) {
        List<JsonPath> created = new ArrayList<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            Response response = as(manager).body(body).post("/api/applications");
            if (response.statusCode() == 201) {
                created.add(response.jsonPath());
                return true;
            }
            return false;
        });
        return created.get(0);
    }

    public static JsonPath submit(String manager, String applicationNo) {
        return as(manager).post("/api/applications/" + applicationNo + "/submission")
                .then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath decide(String approver, String approvalId, String decision, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision);
        body.put("comment", comment);
        return as(approver).body(body).post("/api/approvals/" + approvalId + "/decision")
                .then().statusCode(200).extract().jsonPath();
    }

    public static String agreementOf(String applicationNo) {
        return "AGR-" + applicationNo.substring(4);
    }

    /** A signed order for a customer the manager may sell to: one cloud host without discount (no approval). */
    public static String quickOrder(String manager, String customerId, String signer) {
        JsonPath app = create(manager, application(customerId, List.of(cloudHost("0"))));
        String no = app.getString("applicationNo");
        JsonPath submitted = submit(manager, no);
        if (!"APPROVED".equals(submitted.getString("status"))) {
            throw new AssertionError("expected an application without discount to be approved at once: "
                    + submitted.prettify());
        }
        return as(signer).post("/api/agreements/" + agreementOf(no) + "/signature")
                .then().statusCode(200).extract().jsonPath().getString("orderId");
    }
}

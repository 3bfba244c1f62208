package io.esop.customer.support;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.esop.customer.customer.UnifiedSocialCreditCode;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.esop.testing.Tokens;

/** REST calls as a demo user, and test customers that never collide with earlier runs. */
public final class Api {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private Api() {
    }

    public static RequestSpecification as(String username) {
        return given().header("Authorization", Tokens.bearer(username)).contentType(ContentType.JSON);
    }

    /** A valid unified social credit code no earlier run used (random organization part). */
    public static String randomCreditCode() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder first17 = new StringBuilder("91310000");
        for (int i = 0; i < 9; i++) {
            first17.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return UnifiedSocialCreditCode.complete(first17.toString()).value();
    }

    /** A unique marker to put in names, so that a test can find exactly its own customers with {@code q}. */
    public static String marker(String prefix) {
        return prefix + Long.toString(System.nanoTime(), 36) + ThreadLocalRandom.current().nextInt(1000);
    }

    public static Map<String, Object> customer(String name, String region, String team, String manager) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("creditCode", randomCreditCode());
        body.put("industry", "MANUFACTURING");
        body.put("region", region);
        body.put("valueTier", "KEY");
        body.put("accountManagerId", manager);
        body.put("teamId", team);
        body.put("creditLimit", 100000);
        body.put("arrears", 0);
        body.put("contacts", List.of(Map.of("name", "Test Contact", "role", "CIO", "birthday", "1980-05-17")));
        body.put("holdings", List.of(Map.of("productLine", "CLOUD", "since", "2022-01-01", "monthlyRevenue", 1234.5)));
        return body;
    }

    /** Creates a customer as admin and returns its id. */
    public static String create(Map<String, Object> body) {
        return as("admin").body(body).post("/api/customers")
                .then().statusCode(201)
                .extract().jsonPath().getString("profile.id");
    }

    /** Makes sure the demo customer ACME ({@code cust-acme}, user ent-acme) exists in the test database. */
    public static void ensureAcme() {
        int status = as("admin").get("/api/customers/cust-acme").statusCode();
        if (status == 404) {
            Map<String, Object> body = customer("ACME Industrial Group Co., Ltd.", "310000", "sh-enterprise", "cm-zhang");
            body.put("id", "cust-acme");
            as("admin").body(body).post("/api/customers").then().statusCode(201);
        }
    }

    /** Random mainland mobile numbers no earlier run used (with overwhelming probability). */
    public static List<String> randomMobiles(int count) {
        List<String> numbers = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < count; i++) {
            numbers.add("1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000)));
        }
        return numbers;
    }
}

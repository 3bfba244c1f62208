package io.esop.customer.member;

import static io.esop.customer.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.esop.customer.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Group members through the OA open capability: the enterprise customer adds, lists and removes lines. */
@QuarkusTest
class GroupMemberTest {

    static String otherCustomer;

    static boolean ready;

    // RestAssured knows the test port only once the first test runs, hence not @BeforeAll
    @BeforeEach
    void customers() {
        if (ready) {
            return;
        }
        ready = true;
        Api.ensureAcme();
        otherCustomer = Api.create(Api.customer(Api.marker("members"), "310000", "sh-enterprise", "cm-zhang"));
    }

    @Test
    void bulkAddAnswersPerNumber() {
        List<String> fresh = Api.randomMobiles(4);
        List<String> request = new ArrayList<>();
        request.add(fresh.get(0));                 // ADDED
        request.add("+86" + fresh.get(1));         // ADDED, normalized
        request.add("12345");                      // INVALID
        request.add("23800138000");                // INVALID: not 1x
        request.add(fresh.get(0));                 // ALREADY_MEMBER: twice in one call
        request.add("+86 " + fresh.get(2));        // ADDED
        request.add("1380013800a");                // INVALID

        JsonPath result = as("ent-acme").body(Map.of("msisdns", request))
                .post("/api/customers/cust-acme/members:bulk")
                .then().statusCode(200).extract().jsonPath();
        assertThat(result.getInt("added")).isEqualTo(3);
        assertThat(result.getInt("alreadyMember")).isEqualTo(1);
        assertThat(result.getInt("invalid")).isEqualTo(3);
        assertThat(result.getList("results.result", String.class)).containsExactly(
                "ADDED", "ADDED", "INVALID", "INVALID", "ALREADY_MEMBER", "ADDED", "INVALID");
        assertThat(result.getList("results.input", String.class)).containsExactlyElementsOf(request);
        assertThat(result.getString("results[1].msisdn")).isEqualTo(fresh.get(1));
        assertThat(result.getString("results[2].reason")).contains("mainland China mobile number");

        // the same numbers again: already members
        JsonPath again = as("bo-chen").body(Map.of("msisdns", List.of(fresh.get(0), fresh.get(1), fresh.get(3))))
                .post("/api/customers/cust-acme/members:bulk")
                .then().statusCode(200).extract().jsonPath();
        assertThat(again.getList("results.result", String.class))
                .containsExactly("ALREADY_MEMBER", "ALREADY_MEMBER", "ADDED");
    }

    @Test
    void moreThanAThousandNumbersIsA400() {
        as("ent-acme").body(Map.of("msisdns", Api.randomMobiles(1001)))
                .post("/api/customers/cust-acme/members:bulk")
                .then().statusCode(400).body("errors.field", hasItem("msisdns"));
    }

    @Test
    void aThousandNumbersAreFine() {
        JsonPath result = as("ent-acme").body(Map.of("msisdns", Api.randomMobiles(1000)))
                .post("/api/customers/cust-acme/members:bulk")
                .then().statusCode(200).extract().jsonPath();
        assertThat(result.getInt("added") + result.getInt("alreadyMember")).isEqualTo(1000);
    }

    @Test
    void addListAndRemoveOne() {
        String number = Api.randomMobiles(1).get(0);
        as("ent-acme").body(Map.of("msisdn", "+86" + number)).post("/api/customers/cust-acme/members")
                .then().statusCode(201).body("result", equalTo("ADDED")).body("msisdn", equalTo(number));
        as("ent-acme").body(Map.of("msisdn", number)).post("/api/customers/cust-acme/members")
                .then().statusCode(200).body("result", equalTo("ALREADY_MEMBER"));
        as("ent-acme").body(Map.of("msisdn", "999")).post("/api/customers/cust-acme/members")
                .then().statusCode(400).body("errors[0].field", equalTo("msisdn"));

        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            var request = as("ent-acme").queryParam("limit", 500);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/customers/cust-acme/members").then().statusCode(200)
                    .extract().jsonPath();
            all.addAll(page.getList("items.msisdn", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(all).contains(number).doesNotHaveDuplicates();

        as("ent-acme").delete("/api/customers/cust-acme/members/" + number).then().statusCode(204);
        as("ent-acme").delete("/api/customers/cust-acme/members/" + number).then().statusCode(404);
    }

    @Test
    void onlyTheCompanyBackOfficeAndAdminsChangeMembers() {
        List<String> numbers = Api.randomMobiles(1);
        // another company's members: 404 for the enterprise customer
        as("ent-acme").body(Map.of("msisdns", numbers)).post("/api/customers/" + otherCustomer + "/members:bulk")
                .then().statusCode(404);
        as("ent-acme").get("/api/customers/" + otherCustomer + "/members").then().statusCode(404);
        // the customer manager reads the customer but may not change its members
        as("cm-zhang").get("/api/customers/" + otherCustomer + "/members").then().statusCode(200);
        as("cm-zhang").body(Map.of("msisdns", numbers)).post("/api/customers/" + otherCustomer + "/members:bulk")
                .then().statusCode(403);
        // and outside their scope it does not exist
        as("cm-li").body(Map.of("msisdns", numbers)).post("/api/customers/" + otherCustomer + "/members:bulk")
                .then().statusCode(404);
        as("admin").body(Map.of("msisdns", numbers)).post("/api/customers/" + otherCustomer + "/members:bulk")
                .then().statusCode(200).body("added", equalTo(1));
        as("cm-zhang").get("/api/customers/" + otherCustomer).then().statusCode(200)
                .body("members.count", equalTo(1))
                .body("members.items[0].msisdn", equalTo(numbers.get(0)));
    }
}

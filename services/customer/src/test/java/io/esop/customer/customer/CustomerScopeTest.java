package io.esop.customer.customer;

import static io.esop.customer.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.esop.customer.support.Api;
import io.quarkus.test.junit.QuarkusTest;

/** Data scope with real tokens: who reads which customer, and 404 (not 403) for anyone else. */
@QuarkusTest
class CustomerScopeTest {

    static String marker;
    /** manager cm-zhang, 310000, sh-enterprise */
    static String zhangOwn;
    /** manager cm-wu, 310000, sh-enterprise: cm-zhang's region and team */
    static String wuSameTeam;
    /** manager cm-li, 330100, hz-government */
    static String liHz;
    /** manager cm-zhang, but 330100 / hz-government: cm-zhang manages it, cm-li's region and team */
    static String zhangInHz;
    /** manager cm-wu, 310000, another team: neither cm-zhang's nor dir-wang's */
    static String otherTeam;

    static boolean ready;

    // RestAssured knows the test port only once the first test runs, hence not @BeforeAll
    @BeforeEach
    void customers() {
        if (ready) {
            return;
        }
        ready = true;
        Api.ensureAcme();
        marker = Api.marker("scope");
        zhangOwn = Api.create(Api.customer(marker + " zhang own", "310000", "sh-enterprise", "cm-zhang"));
        wuSameTeam = Api.create(Api.customer(marker + " wu same team", "310000", "sh-enterprise", "cm-wu"));
        liHz = Api.create(Api.customer(marker + " li hz", "330100", "hz-government", "cm-li"));
        zhangInHz = Api.create(Api.customer(marker + " zhang in hz", "330100", "hz-government", "cm-zhang"));
        otherTeam = Api.create(Api.customer(marker + " other team", "310000", "sh-smb", "cm-wu"));
    }

    private static List<String> listed(String user) {
        return as(user).queryParam("q", marker).queryParam("limit", 200).get("/api/customers")
                .then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class);
    }

    private static int status(String user, String id) {
        return as(user).get("/api/customers/" + id).statusCode();
    }

    @Test
    void customerManagerReadsOwnCustomersAndTeamCustomersOfTheirRegion() {
        assertThat(listed("cm-zhang")).containsExactlyInAnyOrder(zhangOwn, wuSameTeam, zhangInHz);
        assertThat(status("cm-zhang", zhangOwn)).isEqualTo(200);
        assertThat(status("cm-zhang", wuSameTeam)).isEqualTo(200);
        assertThat(status("cm-zhang", zhangInHz)).isEqualTo(200);
        assertThat(status("cm-zhang", liHz)).isEqualTo(404);
        assertThat(status("cm-zhang", otherTeam)).isEqualTo(404);
    }

    @Test
    void customerManagerOfAnotherRegionGets404() {
        assertThat(listed("cm-li")).containsExactlyInAnyOrder(liHz, zhangInHz);
        assertThat(status("cm-li", liHz)).isEqualTo(200);
        assertThat(status("cm-li", zhangOwn)).isEqualTo(404);
        assertThat(status("cm-li", wuSameTeam)).isEqualTo(404);
        assertThat(status("cm-li", "cust-acme")).isEqualTo(404);
    }

    @Test
    void salesDirectorReadsTheTeam() {
        assertThat(listed("dir-wang")).containsExactlyInAnyOrder(zhangOwn, wuSameTeam);
        assertThat(status("dir-wang", wuSameTeam)).isEqualTo(200);
        assertThat(status("dir-wang", liHz)).isEqualTo(404);
        assertThat(status("dir-wang", zhangInHz)).isEqualTo(404);
        assertThat(listed("dir-zhao")).containsExactlyInAnyOrder(liHz, zhangInHz);
    }

    @Test
    void enterpriseCustomerReadsOnlyItsOwnCompany() {
        as("ent-acme").get("/api/customers/cust-acme").then().statusCode(200)
                .body("profile.id", equalTo("cust-acme"));
        assertThat(status("ent-acme", zhangOwn)).isEqualTo(404);
        assertThat(status("ent-acme", "cust-does-not-exist")).isEqualTo(404);
        List<String> all = as("ent-acme").queryParam("limit", 200).get("/api/customers")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        assertThat(all).containsExactly("cust-acme");
    }

    @Test
    void backOfficeAndAdminReadEverything() {
        List<String> expected = List.of(zhangOwn, wuSameTeam, liHz, zhangInHz, otherTeam);
        assertThat(listed("bo-chen")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(listed("admin")).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theViewCarriesContactsHoldingsCreditAndLinks() {
        as("cm-zhang").get("/api/customers/" + zhangOwn).then().statusCode(200)
                .body("profile.accountManagerId", equalTo("cm-zhang"))
                .body("contacts[0].name", equalTo("Test Contact"))
                .body("contacts[0].birthday", equalTo("1980-05-17"))
                .body("contacts[0].role", equalTo("CIO"))
                .body("holdings[0].productLine", equalTo("CLOUD"))
                .body("holdings[0].since", equalTo("2022-01-01"))
                .body("credit.creditLimit", equalTo(100000.00f))
                .body("members.count", equalTo(0))
                .body("links.orders", equalTo("/api/orders?customerId=" + zhangOwn));
    }

    @Test
    void filtersNarrowWithinTheScope() {
        List<String> hz = as("admin").queryParam("q", marker).queryParam("region", "330100").get("/api/customers")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        assertThat(hz).containsExactlyInAnyOrder(liHz, zhangInHz);
        List<String> managed = as("admin").queryParam("q", marker).queryParam("manager", "cm-zhang")
                .queryParam("tier", "KEY").queryParam("industry", "MANUFACTURING").get("/api/customers")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        assertThat(managed).containsExactlyInAnyOrder(zhangOwn, zhangInHz);
    }

    @Test
    void rolesDecideWhoWrites() {
        as("cm-zhang").body(Api.customer(marker + " not allowed", "310000", "sh-enterprise", "cm-zhang"))
                .post("/api/customers").then().statusCode(403);
        as("ent-acme").delete("/api/customers/cust-acme").then().statusCode(403);
    }

    @Test
    void noTokenIsUnauthorizedButHealthIsOpen() {
        given().get("/api/customers").then().statusCode(401);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }
}

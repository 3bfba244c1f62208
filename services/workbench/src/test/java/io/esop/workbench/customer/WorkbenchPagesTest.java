package io.esop.workbench.customer;

import static io.esop.workbench.support.CodeFlowLogin.get;
import static io.esop.workbench.support.CodeFlowLogin.login;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import io.esop.workbench.support.FakeCustomerService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Sign-in, the role-aware home, customer search and the 360° view, with real Keycloak sessions. */
@QuarkusTest
@QuarkusTestResource(FakeCustomerService.class)
class WorkbenchPagesTest {

    @Test
    void anonymousVisitorIsSentToKeycloakWithPkce() {
        String location = given().redirects().follow(false).when().get("/customers")
                .then().statusCode(302).extract().header("Location");
        assertThat(location).startsWith("http://localhost:8180/realms/esop/protocol/openid-connect/auth")
                .contains("client_id=esop-web").contains("code_challenge=").contains("code_challenge_method=S256");
    }

    @Test
    void healthManifestAndServiceWorkerNeedNoLogin() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/manifest.webmanifest").then().statusCode(200).body(containsString("\"start_url\""));
        given().when().get("/sw.js").then().statusCode(200).body(containsString("offline.html"));
        given().when().get("/offline.html").then().statusCode(200);
        // htmx comes from the webjar on Maven Central, served by this application (no CDN)
        given().when().get("/webjars/htmx.org/dist/htmx.min.js").then().statusCode(200);
    }

    @Test
    void managerHomeIsTodayInChineseAndEnglishOnRequest() {
        HttpClient zhang = login("cm-zhang");
        HttpResponse<String> home = get(zhang, "/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("<html lang=\"zh-CN\">").contains("今日工作").contains("我的客户")
                .contains("ACME 科技有限公司")
                // the care panel: a customer of cm-zhang in arrears, and a contact's birthday in three days
                .contains("东方精密制造 欠费 ¥1200.00")
                .contains("ACME 科技有限公司 的联系人生日").contains("李娜")
                .doesNotContain("浦江零售集团");

        HttpResponse<String> english = get(zhang, "/?lang=en");
        assertThat(english.body()).contains("<html lang=\"en\">").contains("Today").contains("My customers");
        // the choice sticks (cookie)
        assertThat(get(zhang, "/").body()).contains("Customer care reminders");
        assertThat(get(zhang, "/?lang=zh").body()).contains("客户关怀提醒");
    }

    @Test
    void pagesCallTheCustomerServiceWithTheUsersOwnToken() {
        HttpClient zhang = login("cm-zhang");
        FakeCustomerService.TOKENS.clear();
        assertThat(get(zhang, "/customers").statusCode()).isEqualTo(200);
        assertThat(FakeCustomerService.TOKENS).isNotEmpty().allSatisfy(token -> {
            assertThat(token.path("preferred_username").asText()).isEqualTo("cm-zhang");
            assertThat(token.path("azp").asText()).isEqualTo("esop-web");
        });
        JsonNode token = FakeCustomerService.TOKENS.peek();
        assertThat(token.path("aud").toString()).contains("esop-api");
    }

    @Test
    void searchFiltersAndPagesByCursor() {
        HttpClient zhang = login("cm-zhang");
        // tests use pages of 2, ordered by id: cm-zhang's scope has three customers here
        HttpResponse<String> first = get(zhang, "/customers");
        assertThat(first.body()).contains("客户查询").contains("东方精密制造").contains("浦江零售集团")
                .doesNotContain("ACME 科技有限公司").doesNotContain("杭州市教育局").contains("下一页")
                .contains("href=\"/customers?cursor=cust-0003\"");
        HttpResponse<String> second = get(zhang, "/customers?cursor=cust-0003");
        assertThat(second.body()).contains("ACME 科技有限公司").doesNotContain("浦江零售集团")
                .doesNotContain("杭州市教育局").doesNotContain("下一页");
        // an htmx request gets the results only, not the page around them
        HttpResponse<String> fragment = send(zhang, "/customers?cursor=cust-0003", "HX-Request", "true");
        assertThat(fragment.body()).contains("ACME 科技有限公司").doesNotContain("<html").doesNotContain("客户查询");

        HttpResponse<String> acme = get(zhang, "/customers?q=ACME&industry=MANUFACTURING");
        assertThat(acme.body()).contains("ACME 科技有限公司").doesNotContain("浦江零售集团");

        HttpResponse<String> none = get(zhang, "/customers?q=nothing-like-this");
        assertThat(none.body()).contains("没有找到符合条件的客户。");
    }

    private static HttpResponse<String> send(HttpClient client, String path, String header, String value) {
        try {
            return client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(io.esop.workbench.support.CodeFlowLogin.WORKBENCH + path))
                    .header(header, value).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void customer360ShowsProfileContactsHoldingsAndMembers() {
        HttpClient zhang = login("cm-zhang");
        HttpResponse<String> view = get(zhang, "/customers/cust-acme");
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains("客户 360° 视图").contains("ACME 科技有限公司").contains("91310000MA1FL0001X")
                .contains("王建国").contains("1978-05-12").contains("专线").contains("制造业").contains("战略")
                .contains("共 25 名成员");
    }

    @Test
    void aCustomerOutsideTheScopeIsNotFound() {
        HttpClient zhang = login("cm-zhang");
        HttpResponse<String> other = get(zhang, "/customers/cust-hz01");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).contains("页面不存在").doesNotContain("杭州市教育局");
        assertThat(get(zhang, "/customers/no-such-customer").statusCode()).isEqualTo(404);
    }

    @Test
    void enterpriseCustomerStartsInThePortalAndStaffMayNotUseIt() {
        HttpClient acme = login("ent-acme");
        HttpResponse<String> start = get(acme, "/");
        assertThat(start.uri().getPath()).isEqualTo("/portal");
        assertThat(start.body()).contains("政企网厅").contains("ACME 科技有限公司");

        HttpClient zhang = login("cm-zhang");
        HttpResponse<String> portal = get(zhang, "/portal");
        assertThat(portal.statusCode()).isEqualTo(403);
        assertThat(portal.body()).contains("无权访问");
    }

    @Test
    void directorSeesTheTeamsCustomers() {
        HttpClient wang = login("dir-wang");
        HttpResponse<String> home = get(wang, "/");
        assertThat(home.body()).contains("政企部门经理").contains("团队客户").contains("浦江零售集团")
                .doesNotContain("杭州市教育局");
    }
}

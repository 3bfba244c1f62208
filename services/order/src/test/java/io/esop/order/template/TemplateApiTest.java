package io.esop.order.template;

import static io.esop.order.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.esop.order.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Templates: seeded, versioned, written by back office, read by staff with back-office attributes hidden. */
@QuarkusTest
class TemplateApiTest {

    @Test
    void theSixStandardTemplatesAreSeeded() {
        List<String> codes = new ArrayList<>();
        String cursor = "";
        do {
            JsonPath page = as("cm-zhang").queryParam("limit", 3).queryParam("cursor", cursor).get("/api/templates")
                    .then().statusCode(200).extract().jsonPath();
            codes.addAll(page.getList("items.code"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(codes).contains("DEDICATED_INTERNET_LINE", "IDC_RACK", "CLOUD_HOST", "IOT_CARD_BUNDLE",
                "VOICE_TRUNK", "SDWAN").doesNotHaveDuplicates().isSorted();

        JsonPath line = as("bo-chen").get("/api/templates/DEDICATED_INTERNET_LINE/versions/1").then().statusCode(200)
                .extract().jsonPath();
        assertThat(line.getBoolean("needsResourceReservation")).isTrue();
        assertThat(line.<String>getList("attributes.name")).contains("bandwidthMbps", "siteAddress", "slaLevel");
        assertThat(line.getString("attributes.find { it.name == 'bandwidthMbps' }.min")).isEqualTo("2");
        assertThat(line.getList("attributes.find { it.name == 'accessType' }.allowedValues"))
                .containsExactly("FIBER", "MICROWAVE");
        JsonPath managerView = as("cm-zhang").get("/api/templates/DEDICATED_INTERNET_LINE/versions/1").then()
                .statusCode(200).extract().jsonPath();
        assertThat(managerView.<String>getList("attributes.name")).contains("bandwidthMbps")
                .doesNotContain("slaLevel", "accessNode");
    }

    @Test
    void backOfficeWritesAndEveryEditIsANewVersion() {
        String code = Api.unique("T").toUpperCase().replace("-", "_");
        Map<String, Object> body = template(code, "Test product", 10);
        as("cm-zhang").body(body).post("/api/templates").then().statusCode(403);
        JsonPath created = as("bo-chen").body(body).post("/api/templates").then().statusCode(201).extract().jsonPath();
        assertThat(created.getInt("version")).isEqualTo(1);
        as("bo-chen").body(body).post("/api/templates").then().statusCode(409);

        JsonPath edited = as("admin").body(template(code, "Test product, bigger", 20)).put("/api/templates/" + code)
                .then().statusCode(200).extract().jsonPath();
        assertThat(edited.getInt("version")).isEqualTo(2);
        assertThat(as("cm-wu").get("/api/templates/" + code).jsonPath().getInt("version")).isEqualTo(2);
        assertThat(as("cm-wu").get("/api/templates/" + code + "/versions/1").jsonPath().getString("name"))
                .isEqualTo("Test product");
        as("cm-wu").get("/api/templates/" + code + "/versions/7").then().statusCode(404);
    }

    @Test
    void aBrokenDefinitionNamesTheField() {
        Map<String, Object> body = template(Api.unique("T").toUpperCase().replace("-", "_"), "Broken", 10);
        Map<String, Object> attribute = new HashMap<>();
        attribute.put("name", "colour");
        attribute.put("type", "ENUM");
        attribute.put("visibility", "CUSTOMER_FACING");
        body.put("attributes", List.of(attribute));
        JsonPath problem = as("bo-chen").body(body).post("/api/templates").then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath();
        assertThat(problem.<String>getList("errors.field")).contains("attributes[0].allowedValues");
    }

    static Map<String, Object> template(String code, String name, int max) {
        Map<String, Object> size = new HashMap<>();
        size.put("name", "size");
        size.put("label", "Size");
        size.put("type", "INTEGER");
        size.put("required", true);
        size.put("min", 1);
        size.put("max", max);
        size.put("defaultValue", 1);
        size.put("visibility", "CUSTOMER_FACING");
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("productLine", "CLOUD");
        body.put("needsResourceReservation", false);
        body.put("attributes", List.of(size));
        return body;
    }
}

package io.esop.opportunity.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.esop.testing.Tokens;

/** REST calls as a demo user. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String username) {
        return given().header("Authorization", "Bearer " + Tokens.of(username)).contentType(ContentType.JSON);
    }

    /** Waits until the pipeline has processed the signal, and returns its opportunity id. */
    public static String opportunityOf(String signalId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    var response = as("admin").get("/api/signals/" + signalId);
                    return response.statusCode() == 200 ? response.jsonPath().getString("opportunityId") : null;
                }, id -> id != null);
    }

    public static JsonPath detail(String id) {
        return as("admin").get("/api/opportunities/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the opportunity (seen as admin) is in {@code stage}, and returns it. */
    public static JsonPath awaitStage(String id, String stage) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> detail(id), d -> stage.equals(d.getString("summary.stage")));
    }
}

package io.esop.testing;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.path.json.JsonPath;

/** Real access tokens from the stack's Keycloak: the esop-cli password grant for the demo users. */
public final class Tokens {

    public static final String TOKEN_URL = System.getProperty("esop.oidc.token-url",
            "http://localhost:8180/realms/esop/protocol/openid-connect/token");
    public static final String PASSWORD = "esop-demo";

    private record Cached(String token, Instant expires) {
    }

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** A bearer token for {@code username}, reused until shortly before it expires. */
    public static String of(String username) {
        Cached cached = CACHE.get(username);
        if (cached != null && Instant.now().isBefore(cached.expires())) {
            return cached.token();
        }
        JsonPath json = given()
                .formParam("grant_type", "password")
                .formParam("client_id", "esop-cli")
                .formParam("username", username)
                .formParam("password", PASSWORD)
                .post(TOKEN_URL)
                .then().statusCode(200)
                .extract().jsonPath();
        String token = json.getString("access_token");
        long expiresIn = json.getLong("expires_in");
        CACHE.put(username, new Cached(token, Instant.now().plusSeconds(Math.max(5, expiresIn - 30))));
        return token;
    }

    /** "Bearer …" for an Authorization header. */
    public static String bearer(String username) {
        return "Bearer " + of(username);
    }
}

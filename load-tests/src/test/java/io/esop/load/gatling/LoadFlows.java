package io.esop.load.gatling;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.sse;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.esop.load.Stack;
import io.esop.load.setup.LoadPopulation;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What every simulation's virtual users do around their business: get a token once and refresh it before it
 * expires (never one per request), sign in to the workbench through the real Keycloak code flow (the workbench is
 * a web-app OIDC client: its live stream takes the session cookie, not a bearer token), and keep the live stream
 * open.
 */
final class LoadFlows {

    /** Refresh a token this long before it expires. */
    static final long REFRESH_MARGIN_MS = 60_000;

    private LoadFlows() {
    }

    static HttpProtocolBuilder protocol() {
        return http.acceptHeader("application/json").contentTypeHeader("application/json")
                .acceptLanguageHeader("zh-CN").userAgentHeader("esop-load-tests/gatling");
    }

    /** The load users of a role, from the users file the setup wrote, each with its password. */
    static FeederBuilder<Object> users(String role) {
        List<Map<String, Object>> records = LoadPopulation.read(role).stream()
                .map(u -> Map.<String, Object>of("username", u.username(), "password", Stack.LOAD_PASSWORD,
                        "team", u.team(), "customerId", u.customerId(), "orderId", u.orderId()))
                .toList();
        if (records.isEmpty()) {
            throw new IllegalStateException("no load users with role " + role + " in " + LoadPopulation.usersFile()
                    + ": run LoadPopulation setup first");
        }
        return listFeeder(records).circular();
    }

    private static final String TOKEN_URL = Stack.realm() + "/protocol/openid-connect/token";

    /** A token for this virtual user (client esop-cli, password grant), once. */
    static ChainBuilder token() {
        return exec(http("token").post(TOKEN_URL).header("Content-Type", "application/x-www-form-urlencoded")
                .formParam("grant_type", "password").formParam("client_id", "esop-cli")
                .formParam("username", "#{username}").formParam("password", "#{password}")
                .check(jsonPath("$.access_token").saveAs("accessToken"),
                        jsonPath("$.refresh_token").saveAs("refreshToken"),
                        jsonPath("$.expires_in").ofInt().saveAs("expiresIn")))
                .exec(LoadFlows::expiry);
    }

    /** Refreshes the token when it expires within the margin; a no-op otherwise. */
    static ChainBuilder fresh() {
        return doIf(s -> System.currentTimeMillis() > s.getLong("tokenExpiresAt") - REFRESH_MARGIN_MS).then(
                exec(http("token refresh").post(TOKEN_URL).header("Content-Type", "application/x-www-form-urlencoded")
                        .formParam("grant_type", "refresh_token").formParam("client_id", "esop-cli")
                        .formParam("refresh_token", "#{refreshToken}")
                        .check(jsonPath("$.access_token").saveAs("accessToken"),
                                jsonPath("$.refresh_token").saveAs("refreshToken"),
                                jsonPath("$.expires_in").ofInt().saveAs("expiresIn")))
                        .exec(LoadFlows::expiry));
    }

    private static io.gatling.javaapi.core.Session expiry(io.gatling.javaapi.core.Session s) {
        return s.set("tokenExpiresAt", System.currentTimeMillis() + s.getInt("expiresIn") * 1000L);
    }

    static final String BEARER = "Bearer #{accessToken}";

    /**
     * Signs in to the workbench as a browser does: the page redirects to Keycloak's login form, the form is posted,
     * Keycloak redirects back with a code that the workbench exchanges, leaving its session cookie.
     */
    static ChainBuilder workbenchSignIn(String landing) {
        return exec(http("sign-in: login form").get(Stack.workbench() + landing).header("Accept", "text/html")
                .check(css("#kc-form-login", "action").saveAs("loginAction")))
                .exec(http("sign-in: credentials").post("#{loginAction}").header("Accept", "text/html")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .formParam("username", "#{username}").formParam("password", "#{password}")
                        .formParam("credentialId", "")
                        .check(status().is(200), substring("kc-form-login").notExists()));
    }

    /** Opens the workbench's live stream and waits for its first event ("ready", naming the user). */
    static ChainBuilder openLive() {
        return exec(sse("live: connect").get(Stack.workbench() + "/live").header("Accept", "text/event-stream")
                .await(Duration.ofSeconds(10)).on(sse.checkMessage("live: ready")
                        .check(jsonPath("$.event").is("ready"), jsonPath("$.data").isEL("#{username}"))));
    }

    static ChainBuilder closeLive() {
        return exec(sse("live: close").close());
    }
}

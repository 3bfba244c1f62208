package io.esop.workbench.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs a demo user in through the real Keycloak login page (authorization code flow with PKCE, client
 * esop-web), as a browser would: open the workbench, follow the redirect to Keycloak, post the login form, follow
 * the redirect back. The returned client carries the workbench's session cookie.
 */
public final class CodeFlowLogin {

    public static final String WORKBENCH = "http://localhost:8080";
    public static final String PASSWORD = "esop-demo";
    private static final Pattern FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>", Pattern.DOTALL);
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private CodeFlowLogin() {
    }

    public static HttpClient login(String username) {
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new LocalhostCookies())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        HttpResponse<String> loginPage = send(client, HttpRequest.newBuilder(URI.create(WORKBENCH + "/")).GET().build());
        assertThat(loginPage.uri().toString()).as("redirected to Keycloak").contains("/realms/esop/");
        Matcher form = FORM.matcher(loginPage.body());
        assertThat(form.find()).as("Keycloak login form").isTrue();
        Matcher action = ACTION.matcher(form.group());
        assertThat(action.find()).isTrue();
        String target = action.group(1).replace("&amp;", "&");
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> home = send(client, HttpRequest.newBuilder(URI.create(target))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(home.uri().toString()).as("back on the workbench after login").startsWith(WORKBENCH);
        assertThat(home.statusCode()).isEqualTo(200);
        return client;
    }

    public static HttpResponse<String> get(HttpClient client, String path) {
        return send(client, HttpRequest.newBuilder(URI.create(WORKBENCH + path)).GET().build());
    }

    public static HttpResponse<String> postForm(HttpClient client, String path, String form) {
        return send(client, HttpRequest.newBuilder(URI.create(WORKBENCH + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

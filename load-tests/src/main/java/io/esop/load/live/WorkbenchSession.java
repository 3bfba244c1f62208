package io.esop.load.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.esop.load.Http;
import io.esop.load.Stack;
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
import java.util.stream.Stream;

/**
 * A browser's session with the workbench, without a browser: the Keycloak code flow (the workbench is a web-app
 * OIDC client, its live stream takes the session cookie, not a bearer token), then the live stream read line by
 * line, each unnamed event's JSON handed over with the instant it arrived.
 */
public final class WorkbenchSession implements AutoCloseable {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new HostCookies())
            .followRedirects(HttpClient.Redirect.ALWAYS).connectTimeout(Duration.ofSeconds(5)).build();
    private final String username;
    private Thread reader;
    private volatile Stream<String> lines;

    private WorkbenchSession(String username) {
        this.username = username;
    }

    /** Signs in to the workbench through Keycloak's login form. */
    public static WorkbenchSession signIn(String username, String password) throws IOException, InterruptedException {
        WorkbenchSession session = new WorkbenchSession(username);
        HttpResponse<String> form = session.client.send(HttpRequest.newBuilder(URI.create(Stack.workbench() + "/"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher action = LOGIN_FORM.matcher(form.body());
        if (!action.find()) {
            throw new IllegalStateException("no Keycloak login form at " + form.uri() + " (" + form.statusCode() + ")");
        }
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> home = session.client.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (home.statusCode() != 200 || home.body().contains("kc-form-login")) {
            throw new IllegalStateException(username + " could not sign in to the workbench: " + home.statusCode());
        }
        return session;
    }

    /**
     * Opens the live stream and hands each event's data (JSON) and its arrival time in epoch microseconds to
     * {@code onEvent} on a reader thread; returns once the stream's "ready" event has arrived.
     */
    public void listen(java.util.function.BiConsumer<JsonNode, Long> onEvent) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> response = client.send(HttpRequest.newBuilder(URI.create(Stack.workbench() + "/live"))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("live stream of " + username + ": " + response.statusCode());
        }
        lines = response.body();
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
        reader = new Thread(() -> read(lines, ready, onEvent), "live-" + username);
        reader.setDaemon(true);
        reader.start();
        if (!ready.await(15, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("no ready event on the live stream of " + username);
        }
    }

    private static void read(Stream<String> lines, java.util.concurrent.CountDownLatch ready,
            java.util.function.BiConsumer<JsonNode, Long> onEvent) {
        String[] event = { null };
        try {
            lines.forEach(line -> {
                long arrived = nowMicros();
                if (line.startsWith("event:")) {
                    event[0] = line.substring(6).trim();
                    if (event[0].equals("ready")) {
                        ready.countDown();
                    }
                } else if (line.startsWith("data:") && event[0] == null) {
                    String data = line.substring(5).trim();
                    if (data.startsWith("{")) {
                        try {
                            onEvent.accept(Http.JSON.readTree(data), arrived);
                        } catch (IOException e) {
                            System.err.println("[live] unreadable event: " + data);
                        }
                    }
                } else if (line.isEmpty()) {
                    event[0] = null;
                }
            });
        } catch (RuntimeException e) {
            // closed
        }
    }

    static long nowMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    @Override
    public void close() {
        if (lines != null) {
            lines.close();
        }
        if (reader != null) {
            reader.interrupt();
        }
    }
}

package io.esop.load.baseline;

import io.esop.load.BenchResults;
import io.esop.load.BenchRow;
import io.esop.load.Stack;
import io.esop.load.setup.Keycloak;
import io.esop.testing.PackagedService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What Quarkus itself serves on this machine: the smallest endpoint of {@code load-tests/hello}, public and
 * behind quarkus-oidc bearer verification (signature, expiry, issuer, audience against the local Keycloak's keys),
 * driven by {@code hello.connections} concurrent connections (default 16) for {@code hello.seconds} each (default
 * 15, after 5 s of warm-up). The app is started here as a child process and stopped after.
 */
public final class RestHelloBaseline {

    public static final String NAME = "baseline-rest";
    static final String USER = "load-hello";

    public static void main(String[] args) throws Exception {
        run(Stack.intProperty("hello.connections", 16), Stack.intProperty("hello.seconds", 15));
    }

    public static List<BenchRow> run(int connections, int seconds) throws Exception {
        Path jar = Path.of(System.getProperty("hello.jar", Files.exists(Path.of("load-tests/hello"))
                ? "load-tests/hello/target/quarkus-app/quarkus-run.jar" : "hello/target/quarkus-app/quarkus-run.jar"));
        PackagedService.Launch launch = PackagedService.of("hello", jar).jvm("-Xmx256m")
                .port(Stack.intProperty("hello.port", 18090))
                .property("quarkus.oidc.auth-server-url", Stack.realm())
                .log(Path.of(System.getProperty("java.io.tmpdir"), "esop-hello.log"));
        Keycloak admin = Keycloak.admin();
        admin.createUser(USER, "customer-manager", Map.of());
        try (PackagedService app = launch.start()) {
            app.awaitReady(Duration.ofSeconds(60));
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = app.url() + "/hello";
            String token = Keycloak.token(USER, Stack.LOAD_PASSWORD);
            drive(client, base, null, connections, 5); // warm-up of both paths, JIT and the JWKS fetch
            drive(client, base + "/secure", token, connections, 5);
            double open = drive(client, base, null, connections, seconds);
            double secure = drive(client, base + "/secure", token, connections, seconds);
            List<BenchRow> rows = List.of(
                    BenchRow.info(NAME, "Quarkus hello without token (" + connections + " connections)", open, "req/s"),
                    new BenchRow(NAME, "Quarkus hello with bearer verification", secure, "req/s",
                            "the same without token", open, "≥ 80 % of baseline", secure >= 0.8 * open));
            BenchResults.write(NAME, rows);
            return rows;
        } finally {
            admin.deleteUser(USER);
        }
    }

    /** Requests per second answered 200 by {@code connections} looping clients; any other answer is a failure. */
    static double drive(HttpClient client, String url, String token, int connections, int seconds)
            throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.build();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                        (r.statusCode() == 200 ? ok : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        double took = (System.nanoTime() - start) / 1e9;
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " failed requests to " + url);
        }
        return ok.get() / took;
    }
}

package io.esop.sla.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged SLA service (the JVM jar, or the native executable under {@code -Dnative}) run as a process on
 * private topics, with its own application id, database, consumer groups and outbox transactional id, so it
 * collides with nothing else on the machine. For the tests that kill it or run two of it.
 */
public final class PackagedSla {

    public final Process process;
    public final int port;

    private PackagedSla(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param topics       the private topics by role: opportunities, orders, customers, policies, alerts, dlq
     * @param instanceId   the static group member id (a StatefulSet pod's name), or null
     */
    public static PackagedSla start(String applicationId, Map<String, String> topics, String database, Path stateDir,
            String instanceId, Path log) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.http.port", Integer.toString(port));
        p.put("quarkus.kafka-streams.application-id", applicationId);
        p.put("kafka-streams.state.dir", stateDir.toAbsolutePath().toString());
        p.put("kafka-streams.application.server", "localhost:" + port);
        if (instanceId != null) {
            p.put("kafka-streams.consumer.group.instance.id", instanceId);
        }
        p.put("quarkus.kafka-streams.topics", String.join(",", topics.get("opportunities"), topics.get("orders"),
                topics.get("customers"), topics.get("policies")));
        p.put("esop.sla.topics.opportunities", topics.get("opportunities"));
        p.put("esop.sla.topics.orders", topics.get("orders"));
        p.put("esop.sla.topics.customers", topics.get("customers"));
        p.put("esop.sla.topics.policies", topics.get("policies"));
        p.put("esop.sla.topics.alerts", topics.get("alerts"));
        p.put("esop.sla.topics.dead-letters", topics.get("dlq"));
        p.put("esop.sla.publish-seed-policies", "false");
        p.put("mp.messaging.incoming.sla-alerts-in.topic", topics.get("alerts"));
        p.put("mp.messaging.incoming.sla-alerts-in.group.id", applicationId + "-history");
        p.put("mp.messaging.incoming.staff-in.group.id", applicationId + "-staff");
        p.put("esop.outbox.relay.transactional-id", applicationId + "-outbox");
        p.put("quarkus.datasource.reactive.url", "postgresql://localhost:5432/" + database);
        p.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:5432/" + database);
        Path runner = runner();
        boolean jar = runner.toString().endsWith(".jar");
        List<String> command = new ArrayList<>();
        command.add(jar ? Path.of(System.getProperty("java.home"), "bin", "java").toString() : runner.toString());
        if (jar) {
            command.add("-Xmx384m");
        }
        p.forEach((k, v) -> command.add("-D" + k + "=" + v));
        if (jar) {
            command.addAll(List.of("-jar", runner.toString()));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new PackagedSla(process, port);
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** Until {@code /q/health/ready} answers 200 (Streams running); fails at once if the process died. */
    public PackagedSla awaitReady() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(process.isAlive()).as("the service is running (see its log under target/)").isTrue();
            try {
                return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return this;
    }

    /** SIGKILL: no shutdown hook, Streams not closed, an open transaction left behind. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    private static Path runner() {
        String nativeImage = System.getProperty("native.image.path");
        if (nativeImage != null && Files.isExecutable(Path.of(nativeImage))) {
            return Path.of(nativeImage);
        }
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertThat(jar).as("the packaged service (mvn package)").exists();
        return jar;
    }
}

package io.esop.load;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged services started beside whatever else runs, for the smoke test: each as a child {@code java -jar}
 * on its own port, with its own database ({@code <service>_load}), its own Kafka consumer groups (reading new
 * signals and opportunities from the end, the compacted customer and staff topics from the beginning, progress
 * reports from a topic of its own) and its own outbox transactional id, so it disturbs neither {@code ./esop up}
 * nor the services' tests. Stopped by {@link #close()}.
 */
final class ServiceProcesses implements AutoCloseable {

    record Service(String name, int port, List<String> properties) {
        /** The packaged runner; {@code -Dsmoke.jars=DIR} takes {@code DIR/<name>/quarkus-run.jar} instead. */
        Path jar(Path root) {
            String elsewhere = System.getProperty("smoke.jars");
            return elsewhere != null ? Path.of(elsewhere, name, "quarkus-run.jar")
                    : root.resolve("services/" + name + "/target/quarkus-app/quarkus-run.jar");
        }

        String url() {
            return "http://localhost:" + port;
        }
    }

    static final int BASE_PORT = Integer.getInteger("smoke.port", 18280);

    /**
     * The smoke's progress reports go to a topic of their own, read by the smoke's order service only: on the real
     * topic every other order service (./esop up's, the order tests') would dead-letter them as unknown orders.
     */
    static final String PROGRESS_TOPIC = "esop.smoke.order-progress";

    static List<Service> services() {
        String customer = "http://localhost:" + (BASE_PORT + 1);
        String opportunity = "http://localhost:" + (BASE_PORT + 2);
        String order = "http://localhost:" + (BASE_PORT + 3);
        return List.of(
                new Service("customer", BASE_PORT + 1, List.of()),
                new Service("opportunity", BASE_PORT + 2, List.of(
                        "-Dmp.messaging.incoming.signals-in.group.id=esop-opportunity-load.signals",
                        "-Dmp.messaging.incoming.signals-in.auto.offset.reset=latest",
                        "-Dmp.messaging.incoming.customers-in.group.id=esop-opportunity-load.customers",
                        "-Dmp.messaging.incoming.staff-in.group.id=esop-opportunity-load.staff")),
                new Service("order", BASE_PORT + 3, List.of(
                        "-Dmp.messaging.incoming.customers-in.group.id=esop-order-load",
                        "-Dmp.messaging.incoming.staff-in.group.id=esop-order-load",
                        "-Dmp.messaging.incoming.opportunities-in.group.id=esop-order-load",
                        "-Dmp.messaging.incoming.opportunities-in.auto.offset.reset=latest",
                        "-Dmp.messaging.incoming.order-progress-in.group.id=esop-order-load",
                        "-Dmp.messaging.incoming.order-progress-in.topic=" + PROGRESS_TOPIC)),
                new Service("workbench", BASE_PORT, List.of(
                        "-Dquarkus.oidc.client-id=" + io.esop.load.setup.Keycloak.LOAD_WEB_CLIENT,
                        "-Dquarkus.oidc.credentials.secret=" + io.esop.load.setup.Keycloak.LOAD_WEB_SECRET,
                        "-Desop.workbench.services.customer=" + customer,
                        "-Desop.workbench.services.opportunity=" + opportunity,
                        "-Desop.workbench.services.order=" + order)));
    }

    private final Map<Service, Process> running = new LinkedHashMap<>();
    private final Path logs;

    private ServiceProcesses(Path logs) {
        this.logs = logs;
    }

    /** The reactor root (the module runs in load-tests/). */
    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("services")) ? here : here.getParent();
    }

    static boolean packaged() {
        return services().stream().allMatch(s -> Files.exists(s.jar(root())));
    }

    static ServiceProcesses start(Path logs) throws Exception {
        Files.createDirectories(logs);
        ServiceProcesses processes = new ServiceProcesses(logs);
        try {
            createDatabases();
            createProgressTopic();
            for (Service s : services()) {
                List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dquarkus.http.port=" + s.port(),
                        "-Desop.outbox.relay.transactional-id=esop-" + s.name() + "-load-outbox"));
                command.addAll(s.properties());
                command.addAll(List.of("-jar", s.jar(root()).toString()));
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(logs.resolve(s.name() + ".log").toFile());
                builder.environment().put("ESOP_DB_NAME", s.name() + "_load");
                processes.running.put(s, builder.start());
            }
            for (Service s : services()) {
                processes.awaitReady(s, Duration.ofSeconds(150));
            }
            return processes;
        } catch (Exception e) {
            processes.close();
            throw e;
        }
    }

    private void awaitReady(Service s, Duration patience) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!running.get(s).isAlive()) {
                throw new IllegalStateException(s.name() + " exited: see " + logs.resolve(s.name() + ".log"));
            }
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(s.url() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(s.name() + " not ready after " + patience.toSeconds() + " s: see "
                + logs.resolve(s.name() + ".log"));
    }

    private static void createProgressTopic() throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.kafka()))) {
            if (!admin.listTopics().names().get().contains(PROGRESS_TOPIC)) {
                admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(PROGRESS_TOPIC, 3, (short) 1)))
                        .all().get();
            }
        }
    }

    private static void createDatabases() throws Exception {
        try (Connection db = DriverManager.getConnection(Stack.jdbc("postgres"), System.getProperty("esop.db.user",
                "esop"), System.getProperty("esop.db.password", "esop")); Statement sql = db.createStatement()) {
            for (Service s : services()) {
                try (ResultSet exists = sql.executeQuery("select 1 from pg_database where datname = '" + s.name()
                        + "_load'")) {
                    if (!exists.next()) {
                        sql.execute("create database " + s.name() + "_load");
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        running.values().forEach(Process::destroy);
        for (Process p : running.values()) {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    static File log(Path logs, String name) {
        return logs.resolve(name + ".log").toFile();
    }
}

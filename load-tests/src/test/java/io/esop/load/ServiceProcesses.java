package io.esop.load;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.esop.testing.PackagedService;

/**
 * The packaged services started beside whatever else runs, for the smoke test: each as a child {@code java -jar}
 * on its own port, with its own database ({@code <service>_load}), its own Kafka consumer groups (reading new
 * signals and opportunities from the end, the compacted customer and staff topics from the beginning, progress
 * reports from a topic of its own) and its own outbox transactional id, so it disturbs neither {@code ./esop up}
 * nor the services' tests. Stopped by {@link #close()}.
 */
final class ServiceProcesses implements AutoCloseable {

    record Service(String name, int port, Map<String, String> properties) {
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
                new Service("customer", BASE_PORT + 1, Map.of()),
                new Service("opportunity", BASE_PORT + 2, Map.of(
                        "mp.messaging.incoming.signals-in.group.id", "esop-opportunity-load.signals",
                        "mp.messaging.incoming.signals-in.auto.offset.reset", "latest",
                        "mp.messaging.incoming.customers-in.group.id", "esop-opportunity-load.customers",
                        "mp.messaging.incoming.staff-in.group.id", "esop-opportunity-load.staff")),
                new Service("order", BASE_PORT + 3, Map.of(
                        "mp.messaging.incoming.customers-in.group.id", "esop-order-load",
                        "mp.messaging.incoming.staff-in.group.id", "esop-order-load",
                        "mp.messaging.incoming.opportunities-in.group.id", "esop-order-load",
                        "mp.messaging.incoming.opportunities-in.auto.offset.reset", "latest",
                        "mp.messaging.incoming.order-progress-in.group.id", "esop-order-load",
                        "mp.messaging.incoming.order-progress-in.topic", PROGRESS_TOPIC)),
                new Service("workbench", BASE_PORT, Map.of(
                        "quarkus.oidc.client-id", io.esop.load.setup.Keycloak.LOAD_WEB_CLIENT,
                        "quarkus.oidc.credentials.secret", io.esop.load.setup.Keycloak.LOAD_WEB_SECRET,
                        "esop.workbench.services.customer", customer,
                        "esop.workbench.services.opportunity", opportunity,
                        "esop.workbench.services.order", order)));
    }

    private final List<PackagedService> running = new ArrayList<>();
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
                processes.running.add(PackagedService.of(s.name(), s.jar(root()))
                        .jvm("-Xmx256m", "-XX:TieredStopAtLevel=1")
                        .port(s.port())
                        .property("esop.outbox.relay.transactional-id", "esop-" + s.name() + "-load-outbox")
                        .properties(s.properties())
                        .env(Map.of("ESOP_DB_NAME", s.name() + "_load"))
                        .log(logs.resolve(s.name() + ".log"))
                        .start());
            }
            processes.running.forEach(service -> service.awaitReady(Duration.ofSeconds(150)));
            return processes;
        } catch (Exception e) {
            processes.close();
            throw e;
        }
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
        running.forEach(PackagedService::terminate);
        running.forEach(PackagedService::close);
    }

    static File log(Path logs, String name) {
        return logs.resolve(name + ".log").toFile();
    }
}

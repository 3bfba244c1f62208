package io.esop.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Runs packaged ESOP services ({@code <module>/target/quarkus-app/quarkus-run.jar}, built earlier in the reactor) as
 * child processes for a test that needs the real platform, beside anything else on the machine:
 * <ul>
 * <li>each on a free port, with a fresh database {@code <service>_<name>} (dropped and created, user esop);</li>
 * <li>its own Kafka consumer groups, outbox transactional id, Kafka Streams application id and Redis prefix,
 * suffixed with the run ({@link Isolation}), so it neither steals events from nor fences a service of
 * {@code ./esop up} or another test;</li>
 * <li>consumers of event topics start at the topics' ends as of the launch: their groups' offsets are committed
 * there before the service starts (history from other runs is not theirs to process, and an event produced while
 * the group is still joining is not skipped, as {@code auto.offset.reset=latest} would); consumers of the compacted
 * reference topics (customers, staff, SLA policies) keep reading from the beginning;</li>
 * <li>ready when {@code /q/health/ready} answers 200; stopped (SIGTERM, then SIGKILL) by {@link #close()}
 * ({@link PackagedService}).</li>
 * </ul>
 * Logs go to {@code <logs>/<service>.log}. Needs the PostgreSQL JDBC driver on the caller's class path.
 */
public final class Platform implements AutoCloseable {

    /** Topics whose whole history is state (compacted): their consumers keep reading from the beginning. */
    private static final Set<String> REFERENCE_TOPICS = Set.of("esop.customers.v1", "esop.staff.v1",
            "esop.sla-policies.v1");

    private final Path root;
    private final String name;
    private final String run;
    private final Path logs;
    private final Map<String, PackagedService> running = new LinkedHashMap<>();
    private final Thread reaper = new Thread(this::close, "esop-platform-reaper");

    /**
     * @param root the repository root (the folder with the reactor's pom.xml)
     * @param name a short name for this use, e.g. "journey": databases are {@code <service>_<name>}
     * @param logs where the services' logs go
     */
    public Platform(Path root, String name, Path logs) {
        this.root = root;
        this.name = name;
        this.run = name + "-" + Long.toString(Instant.now().getEpochSecond(), 36);
        this.logs = logs;
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** The repository root, found upwards from the working directory (or {@code -Desop.root}). */
    public static Path findRoot() {
        String given = System.getProperty("esop.root");
        if (given != null) {
            return Path.of(given).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("esop")) && Files.exists(dir.resolve("pom.xml"))
                    && Files.isDirectory(dir.resolve("services"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no ESOP repository above " + Path.of("").toAbsolutePath());
    }

    /** A suffix unique to this run (consumer groups, transactional ids, Redis prefixes). */
    public String run() {
        return run;
    }

    /**
     * Starts the service in {@code module} (e.g. "services/order") with these extra system properties and
     * environment variables; {@link #awaitReady(Duration)} waits for it (start several, then wait for all).
     */
    public Platform launch(String module, Map<String, String> properties, Map<String, String> environment) {
        Path dir = root.resolve(module);
        String service = dir.getFileName().toString();
        String database = service.replace('-', '_') + "_" + name;
        Isolation isolation = Isolation.of(dir, run);
        PackagedService.Launch launch = PackagedService.of(service, PackagedService.runnerOf(dir))
                .jvm("-Xms64m", "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                .port(PackagedService.freePort())
                .properties(isolation.properties())
                .properties(properties)
                .env(Map.of("ESOP_DB_NAME", database))
                .env(environment)
                .directory(dir)
                .log(logs.resolve(service + ".log"));
        recreateDatabase(database);
        isolation.consumers().values().stream()
                .filter(consumer -> !REFERENCE_TOPICS.contains(consumer.topic()))
                .forEach(consumer -> startAtEnd(consumer.group(), consumer.topic()));
        running.put(service, launch.start());
        return this;
    }

    /** Waits until every service launched so far is ready. */
    public Platform awaitReady(Duration timeout) {
        running.values().forEach(service -> service.awaitReady(timeout));
        return this;
    }

    /** The base URL of a started service, by its folder name ("order"). */
    public String url(String service) {
        PackagedService started = running.get(service);
        if (started == null) {
            throw new IllegalArgumentException(service + " was not started");
        }
        return started.url();
    }

    /** Stops every service this platform started: SIGTERM to all, then SIGKILL to any still there after 20 s. */
    @Override
    public synchronized void close() {
        running.values().forEach(PackagedService::terminate);
        running.values().forEach(PackagedService::close);
        running.clear();
        if (Thread.currentThread() != reaper) {
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    /** Commits the topic's current end offsets for a group that does not exist yet. */
    private static void startAtEnd(String group, String topic) {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getenv().getOrDefault("ESOP_KAFKA_BOOTSTRAP", "localhost:9092"));
        try (Admin admin = Admin.create(config)) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            Map<TopicPartition, OffsetAndMetadata> ends = new LinkedHashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get()
                    .forEach((p, info) -> ends.put(p, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(group, ends).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot position group " + group + " on " + topic + ": " + e, e);
        }
    }

    private static void recreateDatabase(String database) {
        String host = System.getenv().getOrDefault("ESOP_DB_HOST", "localhost");
        String port = System.getenv().getOrDefault("ESOP_DB_PORT", "5432");
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres",
                System.getenv().getOrDefault("ESOP_DB_USER", "esop"),
                System.getenv().getOrDefault("ESOP_DB_PASSWORD", "esop"));
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists \"" + database + "\" with (force)");
            statement.execute("create database \"" + database + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
        }
    }
}

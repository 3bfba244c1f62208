package io.esop.testing;

import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * <li>its own Kafka consumer groups, outbox transactional id and Kafka Streams application id, suffixed with the
 * run, so it neither steals events from nor fences a service of {@code ./esop up} or another test;</li>
 * <li>consumers of event topics start at the topics' ends as of the launch: their groups' offsets are committed
 * there before the service starts (history from other runs is not theirs to process, and an event produced while
 * the group is still joining is not skipped, as {@code auto.offset.reset=latest} would); consumers of the compacted
 * reference topics (customers, staff, SLA policies) keep reading from the beginning;</li>
 * <li>ready when {@code /q/health/ready} answers 200; stopped (SIGTERM, then SIGKILL) by {@link #close()}.</li>
 * </ul>
 * Logs go to {@code <logs>/<service>.log}. Needs the PostgreSQL JDBC driver on the caller's class path.
 */
public final class Platform implements AutoCloseable {

    /** Topics whose whole history is state (compacted): their consumers keep reading from the beginning. */
    private static final Set<String> REFERENCE_TOPICS = Set.of("esop.customers.v1", "esop.staff.v1",
            "esop.sla-policies.v1");
    private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.incoming\\.([A-Za-z0-9_.-]+)\\.topic");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path root;
    private final String name;
    private final String run;
    private final Path logs;
    private final Map<String, Running> running = new LinkedHashMap<>();
    private final Thread reaper = new Thread(this::close, "esop-platform-reaper");

    private record Running(String module, int port, Process process) {
    }

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
        Path runner = dir.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(runner)) {
            throw new IllegalStateException(module + " is not packaged (" + runner + " is missing): run "
                    + "./mvnw install -DskipTests -pl " + module + " -am");
        }
        String service = dir.getFileName().toString();
        Properties configured = load(dir.resolve("src/main/resources/application.properties"));
        int port = freePort();
        String database = service.replace('-', '_') + "_" + name;
        recreateDatabase(database);

        Map<String, String> system = new LinkedHashMap<>();
        system.put("quarkus.http.port", Integer.toString(port));
        String application = configured.getProperty("quarkus.application.name", "esop-" + service);
        system.put("esop.outbox.relay.transactional-id", application + "-" + run + "-outbox");
        if (configured.containsKey("quarkus.kafka-streams.application-id")) {
            system.put("quarkus.kafka-streams.application-id",
                    configured.getProperty("quarkus.kafka-streams.application-id") + "-" + run);
        }
        for (String key : configured.stringPropertyNames()) {
            Matcher channel = CHANNEL.matcher(key);
            if (!channel.matches()) {
                continue;
            }
            String prefix = "mp.messaging.incoming." + channel.group(1) + ".";
            String group = configured.getProperty(prefix + "group.id", application + "." + channel.group(1));
            system.put(prefix + "group.id", group.replace("${quarkus.uuid}", "x") + "-" + run);
            String topic = configured.getProperty(key);
            if (!REFERENCE_TOPICS.contains(topic)) {
                startAtEnd(system.get(prefix + "group.id"), topic);
            }
        }
        system.putAll(properties);

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        system.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(runner.toString());
        try {
            Files.createDirectories(logs);
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logs.resolve(service + ".log").toFile());
            builder.environment().put("ESOP_DB_NAME", database);
            builder.environment().putAll(environment);
            Process process = builder.start();
            running.put(service, new Running(module, port, process));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + module + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** Waits until every service launched so far is ready. */
    public Platform awaitReady(Duration timeout) {
        running.keySet().forEach(service -> awaitReady(service, timeout));
        return this;
    }

    /** The base URL of a started service, by its folder name ("order"). */
    public String url(String service) {
        Running r = running.get(service);
        if (r == null) {
            throw new IllegalArgumentException(service + " was not started");
        }
        return "http://localhost:" + r.port();
    }

    private void awaitReady(String service, Duration timeout) {
        Running r = running.get(service);
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!r.process().isAlive()) {
                throw new IllegalStateException(service + " exited with " + r.process().exitValue() + ", see "
                        + logs.resolve(service + ".log"));
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                                URI.create(url(service) + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException(service + " not ready within " + timeout + ", see "
                + logs.resolve(service + ".log"));
    }

    /** Stops every service this platform started: SIGTERM, then SIGKILL after 20 s. */
    @Override
    public synchronized void close() {
        running.values().forEach(r -> r.process().destroy());
        for (Running r : running.values()) {
            try {
                if (!r.process().waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    r.process().destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                r.process().destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
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

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return properties;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

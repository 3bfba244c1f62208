package io.esop.customer.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.esop.contracts.CloudEvents;
import io.esop.contracts.Topics;
import io.esop.testing.PackagedService;

/**
 * The packaged service, killed with SIGKILL while its relay publishes, then started again: every
 * change reaches esop.customers.v1 / esop.staff.v1 exactly once (read_committed), none is lost.
 * <p>
 * The changes are the demo data (about 250 snapshots) loaded into a fresh database with the relay
 * off; then the relay publishes them one per Kafka transaction and is killed three times on the way,
 * so the kills land at random points of its cycle: before, inside and after a Kafka transaction, and
 * between the Kafka commit and the database's mark.
 */
class KilledMidRelayIT {

    private static final String DB_URL = "jdbc:postgresql://localhost:5432/";
    private static final int KILLS = 3;

    private final String database = "customer_kill_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final List<PackagedService> started = new ArrayList<>();

    @BeforeEach
    void createDatabase() throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("create database " + database + " owner esop");
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        started.forEach(PackagedService::kill);
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
        }
    }

    @Test
    void everyChangeArrivesExactlyOnceThoughTheServiceIsKilledWhileRelaying() throws Exception {
        try (KafkaConsumer<String, String> consumer = consumerAtEnd()) {
            // The demo data, with the relay off: a backlog of about 250 changes in the outbox.
            PackagedService loader = start(0, false);
            await("demo data loaded").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(new java.util.concurrent.Callable<Boolean>() {
                        long previous = -1;

                        @Override
                        public Boolean call() throws Exception {
                            long now = loader.ready() && tableExists() ? total() : -1;
                            boolean stable = now > 0 && now == previous;
                            previous = now;
                            return stable;
                        }
                    });
            loader.kill();
            long backlog = total();
            assertThat(sent()).isZero();

            // Relay one event per Kafka transaction, killed three times on the way.
            for (int kill = 1; kill <= KILLS; kill++) {
                PackagedService service = start(kill, true);
                long killAfter = backlog * kill / (KILLS + 1);
                await("relay progress before kill " + kill).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(10))
                        .until(() -> sent() >= killAfter || !service.alive());
                assertThat(service.alive()).as("service %d still running (see %s)", kill, log(kill)).isTrue();
                service.kill(); // SIGKILL: no shutdown hook, no relay close
                assertThat(pending()).as("killed while events were still to relay").isPositive();
            }
            PackagedService last = start(KILLS + 1, true);
            await("everything relayed").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> last.alive() && last.ready() && pending() == 0 && total() > 0);

            Set<String> written = eventIds();
            Map<String, Integer> arrived = new HashMap<>();
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < until && !arrived.keySet().containsAll(written)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    Header id = record.headers().lastHeader(CloudEvents.ID);
                    if (id != null) {
                        arrived.merge(new String(id.value(), StandardCharsets.UTF_8), 1, Integer::sum);
                    }
                }
            }
            // a short grace period for a duplicate that would come late
            long grace = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < grace) {
                consumer.poll(Duration.ofMillis(300)).forEach(record -> {
                    Header id = record.headers().lastHeader(CloudEvents.ID);
                    if (id != null) {
                        arrived.merge(new String(id.value(), StandardCharsets.UTF_8), 1, Integer::sum);
                    }
                });
            }

            assertThat(written).as("changes written by the service").hasSizeGreaterThan(200);
            assertThat(arrived.keySet()).as("no change lost").containsAll(written);
            Map<String, Integer> duplicated = new HashMap<>();
            written.forEach(id -> {
                if (arrived.get(id) > 1) {
                    duplicated.put(id, arrived.get(id));
                }
            });
            assertThat(duplicated).as("changes published more than once").isEmpty();
        }
    }

    private PackagedService start(int run, boolean relay) {
        return remember(PackagedService.of("customer-" + run, PackagedService.runnerOf(Path.of("")))
                .jvm("-Xmx256m")
                .port(PackagedService.freePort())
                .env(Map.of("ESOP_DB_NAME", database, "ESOP_DEMO_DATA", "true",
                        "ESOP_OUTBOX_RELAY_ENABLED", Boolean.toString(relay), "ESOP_OUTBOX_RELAY_BATCH_SIZE", "1",
                        "ESOP_OUTBOX_RELAY_SWEEP_INTERVAL", "1s"))
                .log(log(run))
                .start());
    }

    private PackagedService remember(PackagedService service) {
        started.add(service);
        return service;
    }

    private static Path log(int run) {
        return Path.of("target", "killed-mid-relay-" + run + ".log");
    }

    private boolean tableExists() throws SQLException {
        return scalar("select count(*) from pg_tables where tablename = 'esop_outbox'") > 0;
    }

    private long sent() throws SQLException {
        return scalar("select count(*) from esop_outbox where sent_at is not null");
    }

    private long pending() throws SQLException {
        return scalar("select count(*) from esop_outbox where sent_at is null");
    }

    private long total() throws SQLException {
        return scalar("select count(*) from esop_outbox");
    }

    private Set<String> eventIds() throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select event_id from esop_outbox")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private long scalar(String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "esop");
        properties.setProperty("password", "esop");
        return DriverManager.getConnection(DB_URL + database, properties);
    }

    private static KafkaConsumer<String, String> consumerAtEnd() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.CUSTOMERS, Topics.STAFF)) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.endOffsets(partitions).forEach(consumer::seek);
        return consumer;
    }
}

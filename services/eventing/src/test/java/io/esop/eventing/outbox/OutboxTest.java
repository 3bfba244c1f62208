package io.esop.eventing.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.eventing.CloudEventHeaders;
import io.esop.eventing.KafkaTestTopics;
import io.esop.eventing.Sample;
import io.esop.eventing.Tx;
import io.esop.eventing.inbox.AppliedEffect;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The outbox with the relay running as in a service: woken by LISTEN/NOTIFY, with an hourly sweep. */
@QuarkusTest
class OutboxTest {

    private static final String TYPE = "esop.test.sample.v1";

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper objectMapper;

    private KafkaTestTopics topics;

    @BeforeEach
    void setUp() {
        // Leftovers of an earlier run would name deleted topics.
        pool.query("delete from esop_outbox").executeAndAwait();
        topics = new KafkaTestTopics();
    }

    @AfterEach
    void tearDown() {
        topics.close();
    }

    @Test
    void committedEventsArriveInOrderPerKeyWithCloudEventsHeadersAndRolledBackOnesNever() throws Exception {
        String topic = topics.create("outbox-order", 3);
        List<String> keys = List.of("order-a", "order-b", "order-c");
        Map<UUID, Sample> committed = new HashMap<>();
        Set<UUID> rolledBack = new HashSet<>();
        Instant start = Instant.now();

        for (int n = 0; n < 50; n++) {
            for (String key : keys) {
                Sample sample = new Sample(key, n, "committed");
                committed.put(Tx.inTransaction(() -> outbox.append(topic, key, TYPE, key, sample)), sample);
                if (n % 10 == 5) {
                    // A state change and its event that fail together: neither may ever be seen.
                    AtomicReference<UUID> id = new AtomicReference<>();
                    assertThatThrownBy(() -> Tx.inTransaction(() -> outbox
                            .append(topic, key, TYPE, key, new Sample(key, -1, "rolled back"))
                            .invoke(id::set)
                            .call(() -> AppliedEffect.of("outbox-test", key).persist())
                            .chain(() -> Uni.createFrom().failure(new IllegalStateException("business rule violated")))))
                            .hasMessageContaining("business rule violated");
                    rolledBack.add(id.get());
                }
            }
        }

        List<ConsumerRecord<String, byte[]>> records = topics.consume(topic, 150, Duration.ofSeconds(30));
        assertThat(records).hasSize(150);
        // Whatever is still pending is published now; nothing more may arrive.
        relay.relayOnce().await().atMost(Duration.ofSeconds(30));
        assertThat(topics.consumeFor(topic, Duration.ofSeconds(2))).hasSize(150);
        assertThat(rolledBack).hasSize(15);
        assertThat(pool.preparedQuery("select count(*) from esop_outbox where event_id = any($1)")
                .executeAndAwait(Tuple.of(rolledBack.toArray(UUID[]::new))).iterator().next().getLong(0)).isZero();

        Map<String, List<Integer>> orderPerKey = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            UUID id = UUID.fromString(CloudEventHeaders.id(record.headers()));
            assertThat(rolledBack).doesNotContain(id);
            Sample sample = objectMapper.readValue(record.value(), Sample.class);
            assertThat(sample).isEqualTo(committed.get(id));
            assertThat(record.key()).isEqualTo(sample.key());
            assertThat(CloudEventHeaders.value(record.headers(), CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(CloudEventHeaders.type(record.headers())).isEqualTo(TYPE);
            assertThat(CloudEventHeaders.source(record.headers())).isEqualTo("esop-eventing-test");
            assertThat(CloudEventHeaders.subject(record.headers())).isEqualTo(sample.key());
            assertThat(Instant.parse(CloudEventHeaders.time(record.headers())))
                    .isBetween(start.minusSeconds(5), Instant.now());
            assertThat(CloudEventHeaders.value(record.headers(), CloudEventHeaders.CONTENT_TYPE))
                    .isEqualTo("application/json");
            orderPerKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(sample.n());
        }
        List<Integer> zeroTo49 = java.util.stream.IntStream.range(0, 50).boxed().toList();
        assertThat(orderPerKey).containsOnlyKeys(keys);
        keys.forEach(key -> assertThat(orderPerKey.get(key)).as("order of %s", key).isEqualTo(zeroTo49));
        assertThat(Tx.onVertxContext(() -> Panache.withSession(() -> AppliedEffect.count("consumer", "outbox-test"))))
                .as("the rolled-back state changes")
                .isZero();
    }

    @Test
    void aCommittedEventArrivesWithinSecondsThroughListenNotifyAlthoughTheSweepIsHourly() {
        String topic = topics.create("outbox-notify", 1);
        long start = System.nanoTime();

        UUID id = Tx.inTransaction(() -> outbox.append(topic, "order-n", TYPE, "order-n", new Sample("order-n", 1, "wake")));
        List<ConsumerRecord<String, byte[]>> records = topics.consume(topic, 1, Duration.ofSeconds(3));

        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Log.infof("LISTEN/NOTIFY: committed event consumed after %d ms", elapsed.toMillis());
        assertThat(records).as("published within 3 s (took %s)", elapsed).hasSize(1);
        assertThat(CloudEventHeaders.id(records.get(0).headers())).isEqualTo(id.toString());
    }

    @Test
    void aTombstoneIsPublishedWithTheKeyAndANullValue() {
        String topic = topics.create("outbox-tombstone", 1);

        UUID id = Tx.inTransaction(() -> outbox.tombstone(topic, "customer-9", "esop.test.deleted.v1"));

        List<ConsumerRecord<String, byte[]>> records = topics.consume(topic, 1, Duration.ofSeconds(10));
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.get(0);
        assertThat(record.key()).isEqualTo("customer-9");
        assertThat(record.value()).isNull();
        assertThat(CloudEventHeaders.id(record.headers())).isEqualTo(id.toString());
        assertThat(CloudEventHeaders.type(record.headers())).isEqualTo("esop.test.deleted.v1");
        assertThat(record.headers().lastHeader(CloudEventHeaders.CONTENT_TYPE)).isNull();
    }

    @Test
    void appendingOutsideATransactionFailsLoudlyAndWritesNothing() {
        String topic = "esop.test.no-transaction." + UUID.randomUUID();
        Sample sample = new Sample("order-x", 1, "lost?");

        assertThatThrownBy(() -> Tx.onVertxContext(() -> outbox.append(topic, "order-x", TYPE, "order-x", sample)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");
        assertThatThrownBy(() -> Tx.onVertxContext(() -> Panache.withSession(
                () -> outbox.append(topic, "order-x", TYPE, "order-x", sample))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");

        assertThat(pool.preparedQuery("select count(*) from esop_outbox where topic = $1")
                .executeAndAwait(Tuple.of(topic)).iterator().next().getLong(0)).isZero();
    }

    @Test
    void thePayloadIsTheApplicationsJsonAndExtraHeadersArePublished() {
        String topic = topics.create("outbox-entry", 1);
        String json = "{\"amount\":12.50,\"currency\":\"CNY\"}";

        Tx.inTransaction(() -> outbox.append(new OutboxEntry(topic, "k", TYPE, null, json, Map.of("x-trace", "abc"))));

        List<ConsumerRecord<String, byte[]>> records = topics.consume(topic, 1, Duration.ofSeconds(10));
        assertThat(records).hasSize(1);
        assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8))
                .isEqualTo("{\"amount\": 12.50, \"currency\": \"CNY\"}");
        assertThat(CloudEventHeaders.value(records.get(0).headers(), "x-trace")).isEqualTo("abc");
        assertThat(CloudEventHeaders.subject(records.get(0).headers())).isNull();
    }

    @Test
    void appendAllWritesAListWithOneStatementInOrderWithHeadersTimesAndTombstones() {
        String topic = topics.create("outbox-all", 1);
        Instant time = Instant.parse("2026-01-02T03:04:05.123456Z");
        List<OutboxEntry> entries = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            entries.add(new OutboxEntry(topic, "k", TYPE, "k", n == 3 ? time : null, "{\"n\":" + n + "}",
                    n == 5 ? Map.of("x-trace", "t5") : null));
        }
        entries.add(new OutboxEntry(topic, "k", TYPE, "k", null, null));

        List<UUID> ids = Tx.inTransaction(() -> outbox.appendAll(entries));
        relay.relayOnce().await().atMost(Duration.ofSeconds(30));

        List<ConsumerRecord<String, byte[]>> records = topics.consume(topic, 21, Duration.ofSeconds(20));
        assertThat(records).hasSize(21);
        for (int n = 0; n < 20; n++) {
            ConsumerRecord<String, byte[]> record = records.get(n);
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"n\": " + n + "}");
            assertThat(CloudEventHeaders.id(record.headers())).isEqualTo(ids.get(n).toString());
        }
        assertThat(Instant.parse(CloudEventHeaders.time(records.get(3).headers()))).isEqualTo(time);
        assertThat(CloudEventHeaders.value(records.get(5).headers(), "x-trace")).isEqualTo("t5");
        assertThat(records.get(20).value()).isNull();
        assertThat(Tx.inTransaction(() -> outbox.appendAll(List.of()))).isEmpty();
    }
}

package io.esop.eventing.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.EventType;
import io.esop.contracts.Topics;
import io.esop.eventing.CloudEventHeaders;
import io.esop.eventing.KafkaTestTopics;
import io.esop.eventing.RelayDisabledProfile;
import io.esop.eventing.Sample;
import io.esop.eventing.SampleHappened;
import io.esop.eventing.Tx;
import io.esop.eventing.config.OutboxConfig;
import io.esop.eventing.inbox.AppliedEffect;
import io.esop.eventing.inbox.Inbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Failure paths, with no background relay (as after a crash): the tests decide when, and by which
 * relay, the outbox is published.
 */
@QuarkusTest
@TestProfile(RelayDisabledProfile.class)
class OutboxRelayRecoveryTest {

    private static final String TYPE = "esop.test.sample.v1";

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    Inbox inbox;

    @Inject
    Pool pool;

    @Inject
    OutboxConfig config;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry registry;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    ObjectMapper objectMapper;

    private KafkaTestTopics topics;

    @BeforeEach
    void setUp() {
        pool.query("delete from esop_outbox").executeAndAwait();
        pool.query("delete from test_fail_mark").executeAndAwait();
        topics = new KafkaTestTopics();
    }

    @AfterEach
    void tearDown() {
        pool.query("delete from test_fail_mark").executeAndAwait();
        topics.close();
    }

    @Test
    void eventsCommittedWhileNoRelayRunsArriveExactlyOnceWhenOneComesBack() {
        String topic = topics.create("relay-crash", 2);
        Set<UUID> appended = new HashSet<>();
        for (int n = 0; n < 60; n++) {
            String key = "order-" + (n % 4);
            int i = n;
            appended.add(Tx.inTransaction(() -> outbox.append(topic, key, TYPE, key, new Sample(key, i, "backlog"))));
        }
        assertThat(pending()).isEqualTo(60);
        assertThat(topics.consumeFor(topic, Duration.ofSeconds(1))).as("nothing is published without a relay").isEmpty();

        assertThat(relay.relayOnce().await().atMost(Duration.ofSeconds(60))).isEqualTo(60);
        assertThat(relay.relayOnce().await().atMost(Duration.ofSeconds(30))).isZero();

        List<ConsumerRecord<String, byte[]>> records = topics.consumeFor(topic, Duration.ofSeconds(3));
        assertThat(records).extracting(r -> UUID.fromString(CloudEventHeaders.id(r.headers())))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(appended);
        assertThat(pending()).isZero();
    }

    @Test
    void racingRelaysNeverBreakPerKeyOrderNorPublishTwice() throws Exception {
        String topic = topics.create("relay-race", 3);
        List<String> keys = List.of("order-a", "order-b", "order-c");
        // A second relay with its own producer, as on another replica.
        OutboxRelay otherReplica = new OutboxRelay(pool, config, vertx, registry, kafkaConfig);
        ExecutorService threads = Executors.newFixedThreadPool(5);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            Future<?> writer = threads.submit(() -> {
                try {
                    for (int n = 0; n < 50; n++) {
                        for (String key : keys) {
                            int i = n;
                            Tx.inTransaction(() -> outbox.append(topic, key, TYPE, key, new Sample(key, i, "race")));
                        }
                    }
                } finally {
                    writing.set(false);
                }
                return null;
            });
            List<Future<Integer>> relays = new ArrayList<>();
            for (OutboxRelay r : List.of(relay, otherReplica, relay, otherReplica)) {
                Callable<Integer> loop = () -> {
                    int published = 0;
                    while (writing.get() || pending() > 0) {
                        int count = r.relayOnce().await().atMost(Duration.ofSeconds(60));
                        published += count;
                        if (count == 0) {
                            Thread.sleep(5);
                        }
                    }
                    return published;
                };
                relays.add(threads.submit(loop));
            }
            writer.get(120, TimeUnit.SECONDS);
            int published = 0;
            List<Integer> perRelay = new ArrayList<>();
            for (Future<Integer> f : relays) {
                perRelay.add(f.get(120, TimeUnit.SECONDS));
                published += perRelay.get(perRelay.size() - 1);
            }
            Log.infof("Racing relays published %s (this replica, other replica, this, other)", perRelay);
            assertThat(published).as("rows published, summed over all relays").isEqualTo(150);
        } finally {
            threads.shutdownNow();
            otherReplica.close();
        }

        List<ConsumerRecord<String, byte[]>> records = topics.consumeFor(topic, Duration.ofSeconds(3));
        assertThat(records).hasSize(150);
        Map<String, List<Integer>> orderPerKey = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            orderPerKey.computeIfAbsent(record.key(), k -> new ArrayList<>())
                    .add(objectMapper.readValue(record.value(), Sample.class).n());
        }
        List<Integer> zeroTo49 = IntStream.range(0, 50).boxed().toList();
        keys.forEach(key -> assertThat(orderPerKey.get(key)).as("order of %s", key).isEqualTo(zeroTo49));
    }

    @Test
    void aRelayThatDiesAfterKafkaCommittedButBeforeMarkingIsNotPublishedTwice() {
        String topic = topics.create("relay-resend", 1);
        UUID id = Tx.inTransaction(() -> outbox.append(topic, "order-r", TYPE, "order-r", new Sample("order-r", 1, "once")));

        // Kafka commits the batch, then the relay dies before the database records it.
        pool.query("insert into test_fail_mark values ('test')").executeAndAwait();
        assertThatThrownBy(() -> relay.relayOnce().await().atMost(Duration.ofSeconds(30)))
                .hasMessageContaining("injected failure");
        assertThat(topics.consume(topic, 1, Duration.ofSeconds(10))).hasSize(1);
        assertThat(pending()).as("not marked sent").isEqualTo(1);

        // The next relay finds the batch in Kafka's marker and only marks it.
        pool.query("delete from test_fail_mark").executeAndAwait();
        assertThat(relay.relayOnce().await().atMost(Duration.ofSeconds(30))).as("published again").isZero();
        assertThat(pending()).isZero();
        assertThat(topics.consumeFor(topic, Duration.ofSeconds(3)))
                .extracting(r -> CloudEventHeaders.id(r.headers()))
                .containsExactly(id.toString());
    }

    @Test
    void aHalfDeadRelaysOpenBatchIsFencedAndNeverSeenWhileTheNextRelayPublishesOnce() throws Exception {
        String topic = topics.create("relay-zombie", 1);
        UUID id = Tx.inTransaction(() -> outbox.append(topic, "order-z", TYPE, "order-z", new Sample("order-z", 1, "zombie")));
        // A relay that sent its batch in a Kafka transaction and then hung (lost its database, paused …).
        Map<String, Object> zombieConfig = new HashMap<>(kafkaConfig);
        zombieConfig.remove("group.id");
        zombieConfig.put("transactional.id", config.relay().transactionalId());
        try (KafkaProducer<String, byte[]> zombie = new KafkaProducer<>(zombieConfig, new StringSerializer(),
                new ByteArraySerializer())) {
            zombie.initTransactions();
            zombie.beginTransaction();
            zombie.send(new ProducerRecord<>(topic, "order-z", "{\"from\":\"the zombie\"}".getBytes())).get();

            assertThat(relay.relayOnce().await().atMost(Duration.ofSeconds(60))).isEqualTo(1);

            assertThatThrownBy(zombie::commitTransaction).as("the zombie is fenced").isInstanceOf(KafkaException.class);
        }
        assertThat(topics.consumeFor(topic, Duration.ofSeconds(3)))
                .as("read_committed consumers see the relay's record only")
                .extracting(r -> CloudEventHeaders.id(r.headers()))
                .containsExactly(id.toString());
    }

    @Test
    void aRedeliveredEventHasNoSecondEffectThroughTheInbox() {
        String topic = topics.create("inbox-redelivery", 1);
        UUID id = Tx.inTransaction(() -> outbox.append(topic, "order-i", TYPE, "order-i", new Sample("order-i", 1, "twice")));
        assertThat(relay.relayOnce().await().atMost(Duration.ofSeconds(30))).isEqualTo(1);

        // A consumer: inbox mark and effect in one transaction, offset committed after it. The record is
        // delivered twice, as after a rebalance between the commit and the offset commit.
        String consumerName = "redelivery-" + UUID.randomUUID();
        List<Boolean> firstDeliveries = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = topics.consumer(consumerName)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (firstDeliveries.size() < 2 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String eventId = CloudEventHeaders.id(record.headers());
                    firstDeliveries.add(Tx.inTransaction(() -> inbox.firstDelivery(consumerName, eventId)
                            .call(first -> first
                                    ? AppliedEffect.of(consumerName, eventId).persist()
                                    : Uni.createFrom().voidItem())));
                    if (firstDeliveries.size() == 1) {
                        consumer.seek(new TopicPartition(record.topic(), record.partition()), record.offset());
                    }
                }
            }
            consumer.commitSync();
        }
        assertThat(firstDeliveries).as("two deliveries of %s", id).containsExactly(true, false);
        assertThat(Tx.onVertxContext(() -> Panache.withSession(
                () -> AppliedEffect.count("consumer = ?1 and eventId = ?2", consumerName, id.toString()))))
                .as("effects applied")
                .isEqualTo(1);
    }

    @Test
    void aContractsEventTakesTopicTypeKeySubjectAndTimeFromItsEventType() throws Exception {
        // Written, never relayed (no relay runs in this profile and the row is removed): the topic is a real one.
        EventType<SampleHappened> type = new EventType<>("esop.test.sample-happened.v1", SampleHappened.class,
                Topics.ORDERS);
        Instant occurredAt = Instant.parse("2025-11-30T08:15:30.123456Z");
        UUID id = Tx.inTransaction(() -> outbox.append(type, new SampleHappened("order-7", 3, occurredAt)));
        try {
            Row row = pool.preparedQuery("select topic, message_key, event_type, subject, payload::text as payload, "
                    + "created_at from esop_outbox where event_id = $1").executeAndAwait(Tuple.of(id)).iterator().next();
            assertThat(row.getString("topic")).isEqualTo(Topics.ORDERS);
            assertThat(row.getString("message_key")).isEqualTo("order-7");
            assertThat(row.getString("event_type")).isEqualTo("esop.test.sample-happened.v1");
            assertThat(row.getString("subject")).isEqualTo("order-7");
            assertThat(row.getOffsetDateTime("created_at").toInstant()).as("ce_time").isEqualTo(occurredAt);
            assertThat(objectMapper.readValue(row.getString("payload"), SampleHappened.class))
                    .isEqualTo(new SampleHappened("order-7", 3, occurredAt));
        } finally {
            pool.preparedQuery("delete from esop_outbox where event_id = $1").executeAndAwait(Tuple.of(id));
        }
    }

    @Test
    void theInboxRefusesToWorkOutsideATransaction() {
        assertThatThrownBy(() -> Tx.onVertxContext(() -> inbox.firstDelivery("c", "e")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");
    }

    @Test
    void sentRowsPastTheRetentionAreDeleted() {
        String topic = topics.create("relay-retention", 1);
        UUID old = Tx.inTransaction(() -> outbox.append(topic, "k", TYPE, "k", new Sample("k", 1, "old")));
        UUID recent = Tx.inTransaction(() -> outbox.append(topic, "k", TYPE, "k", new Sample("k", 2, "recent")));
        assertThat(relay.relayOnce().await().atMost(Duration.ofSeconds(30))).isEqualTo(2);
        UUID unsent = Tx.inTransaction(() -> outbox.append(topic, "k", TYPE, "k", new Sample("k", 3, "unsent")));
        pool.preparedQuery("update esop_outbox set sent_at = now() - interval '8 days' where event_id = $1")
                .executeAndAwait(Tuple.of(old));

        assertThat(relay.deleteSentRows().await().atMost(Duration.ofSeconds(10))).isEqualTo(1);

        List<UUID> left = new ArrayList<>();
        pool.query("select event_id from esop_outbox").executeAndAwait().forEach(row -> left.add(row.getUUID(0)));
        assertThat(left).containsExactlyInAnyOrder(recent, unsent);
    }

    private long pending() {
        return pool.query("select count(*) from esop_outbox where sent_at is null").executeAndAwait()
                .iterator().next().getLong(0);
    }
}

package io.esop.eventing.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.eventing.CloudEventHeaders;
import io.esop.eventing.KafkaTestTopics;
import io.esop.eventing.Tx;
import io.esop.eventing.inbox.Inbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class DeadLettersTest {

    @Inject
    DeadLetters deadLetters;

    @Inject
    Inbox inbox;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    MeterRegistry registry;

    private KafkaTestTopics topics;

    @BeforeEach
    void setUp() {
        pool.query("delete from esop_outbox").executeAndAwait();
        topics = new KafkaTestTopics();
    }

    @AfterEach
    void tearDown() {
        topics.close();
    }

    @Test
    void aBadRecordBecomesADeadLetterWithItsReasonOriginAndRawPayload() throws Exception {
        String dlq = topics.create("dlq", 1);
        String source = "esop.test.source." + UUID.randomUUID();
        String consumer = "dlq-test-" + UUID.randomUUID();
        byte[] text = "order 42 accepted; not JSON {".getBytes(StandardCharsets.UTF_8);
        byte[] binary = { 0x00, (byte) 0xff, 0x10, 'a' };
        byte[] json = "{\"orderId\":\"42\",\"state\":\"nonsense\"}".getBytes(StandardCharsets.UTF_8);
        RecordHeaders originalHeaders = new RecordHeaders();
        originalHeaders.add(CloudEventHeaders.ID, "original-id".getBytes(StandardCharsets.UTF_8));
        originalHeaders.add("traceparent", "00-abc-def-01".getBytes(StandardCharsets.UTF_8));

        // Each record is rejected in the consumer's transaction, together with its inbox mark.
        reject(consumer, "e-text", dlq, DeadLetterSource.of(source, 2, 100, "order-42", text, originalHeaders),
                "not JSON: Unexpected character ('o')");
        reject(consumer, "e-binary", dlq, DeadLetterSource.of(source, 2, 101, "order-42", binary, null), "not UTF-8");
        reject(consumer, "e-json", dlq, DeadLetterSource.of(source, 0, 7, null, json, null),
                "state: unknown value 'nonsense'");

        Map<String, ConsumerRecord<String, byte[]>> byOffset = topics.consume(dlq, 3, Duration.ofSeconds(15)).stream()
                .collect(Collectors.toMap(r -> CloudEventHeaders.value(r.headers(), DeadLetterHeaders.OFFSET),
                        Function.identity()));
        assertThat(byOffset).containsOnlyKeys("100", "101", "7");

        ConsumerRecord<String, byte[]> textLetter = byOffset.get("100");
        assertThat(textLetter.key()).isEqualTo("order-42");
        assertThat(header(textLetter, DeadLetterHeaders.REASON)).isEqualTo("not JSON: Unexpected character ('o')");
        assertThat(header(textLetter, DeadLetterHeaders.TOPIC)).isEqualTo(source);
        assertThat(header(textLetter, DeadLetterHeaders.PARTITION)).isEqualTo("2");
        assertThat(header(textLetter, DeadLetterHeaders.CONSUMER)).isEqualTo(consumer);
        assertThat(header(textLetter, DeadLetterHeaders.VALUE_ENCODING)).isEqualTo(DeadLetterHeaders.ENCODING_TEXT);
        assertThat(objectMapper.readValue(textLetter.value(), String.class))
                .isEqualTo(new String(text, StandardCharsets.UTF_8));
        assertThat(header(textLetter, DeadLetterHeaders.ORIGINAL_PREFIX + CloudEventHeaders.ID)).isEqualTo("original-id");
        assertThat(header(textLetter, "traceparent")).isEqualTo("00-abc-def-01");
        assertThat(CloudEventHeaders.type(textLetter.headers())).isEqualTo(DeadLetters.EVENT_TYPE);
        assertThat(CloudEventHeaders.id(textLetter.headers())).isNotEqualTo("original-id");

        ConsumerRecord<String, byte[]> binaryLetter = byOffset.get("101");
        assertThat(header(binaryLetter, DeadLetterHeaders.VALUE_ENCODING)).isEqualTo(DeadLetterHeaders.ENCODING_BASE64);
        assertThat(Base64.getDecoder().decode(objectMapper.readValue(binaryLetter.value(), String.class)))
                .isEqualTo(binary);

        ConsumerRecord<String, byte[]> jsonLetter = byOffset.get("7");
        assertThat(jsonLetter.key()).isNull();
        assertThat(header(jsonLetter, DeadLetterHeaders.VALUE_ENCODING)).isEqualTo(DeadLetterHeaders.ENCODING_JSON);
        assertThat(objectMapper.readTree(jsonLetter.value())).isEqualTo(objectMapper.readTree(json));
        assertThat(header(jsonLetter, DeadLetterHeaders.REASON)).isEqualTo("state: unknown value 'nonsense'");

        Counter counter = registry.find("esop.dead.letters").tag("topic", source).tag("consumer", consumer).counter();
        assertThat(counter).isNotNull();
        assertThat(counter.count()).isEqualTo(3.0);
    }

    @Test
    void aDeadLetterRollsBackWithTheConsumersTransactionAndIsWrittenOnceOnRetry() {
        String dlq = topics.create("dlq-retry", 1);
        String consumer = "dlq-retry-" + UUID.randomUUID();
        DeadLetterSource bad = DeadLetterSource.of("esop.test.source", 0, 5, "k", "garbage", null);

        assertThatThrownBy(() -> Tx.inTransaction(() -> inbox.firstDelivery(consumer, "e-1")
                .call(() -> deadLetters.send(dlq, consumer, bad, "garbage"))
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("database went away")))))
                .hasMessageContaining("database went away");
        assertThat(rows("select count(*) from esop_outbox where topic = $1", dlq)).isZero();
        assertThat(rows("select count(*) from esop_inbox where consumer = $1", consumer)).isZero();

        // The record is redelivered (its offset was never committed) and rejected again: once for good.
        reject(consumer, "e-1", dlq, bad, "garbage");
        reject(consumer, "e-1", dlq, bad, "garbage");

        List<ConsumerRecord<String, byte[]>> letters = topics.consume(dlq, 2, Duration.ofSeconds(5));
        assertThat(letters).hasSize(1);
        assertThat(new String(letters.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("\"garbage\"");
    }

    @Test
    void aBatchConsumerRejectsManyRecordsWithOneInboxAndOneOutboxStatementEachOnce() throws Exception {
        String dlq = topics.create("dlq-batch", 1);
        String consumer = "dlq-batch-" + UUID.randomUUID();
        List<DeadLetterSource> bad = List.of(
                DeadLetterSource.of("esop.test.source", 0, 7, "a", "not json", null),
                DeadLetterSource.of("esop.test.source", 0, 8, "b", "{\"x\":1}", null));
        List<String> reasons = List.of("unreadable", "x: unknown");

        for (int delivery = 0; delivery < 2; delivery++) { // the batch, then its redelivery
            Tx.inTransaction(() -> inbox.firstDeliveries(consumer, List.of("e-7", "e-8")).chain(first -> {
                List<DeadLetterSource> rejected = bad.stream()
                        .filter(s -> first.contains("e-" + s.offset())).toList();
                List<String> why = rejected.stream().map(s -> reasons.get(bad.indexOf(s))).toList();
                return deadLetters.sendAll(dlq, consumer, rejected, why);
            }));
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (rows("select count(*) from esop_outbox where topic = $1 and sent_at is not null", dlq) < 2
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<ConsumerRecord<String, byte[]>> letters = topics.consume(dlq, 3, Duration.ofSeconds(5));
        assertThat(letters).extracting(ConsumerRecord::key).containsExactly("a", "b");
        assertThat(letters).extracting(r -> header(r, DeadLetterHeaders.REASON)).containsExactly("unreadable", "x: unknown");
        assertThat(rows("select count(*) from esop_inbox where consumer = $1", consumer)).isEqualTo(2);
    }

    /** What a consumer does with a record it cannot process: dead-letter it, once, with its inbox mark. */
    private void reject(String consumer, String eventId, String dlq, DeadLetterSource record, String reason) {
        Tx.inTransaction(() -> inbox.firstDelivery(consumer, eventId)
                .call(first -> first ? deadLetters.send(dlq, consumer, record, reason) : Uni.createFrom().voidItem()));
    }

    private long rows(String sql, String parameter) {
        return pool.preparedQuery(sql).executeAndAwait(Tuple.of(parameter)).iterator().next().getLong(0);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return CloudEventHeaders.value(record.headers(), name);
    }
}

package io.esop.load.signals;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.CloudEvents;
import io.esop.contracts.Topics;

/**
 * The outbox rows a benchmarked opportunity service wrote, rebuilt from the records its relay published (a relay
 * with a retention of zero deletes each row as it publishes it): its events on {@code esop.opportunities.v1}
 * (keyed by the opportunity ids of its database) and its dead letters on {@code esop.opportunity.dlq.v1} (keyed
 * by the run's signal keys), read from the ends those topics had before the run.
 */
final class Published {

    static final String COLUMNS = "event_id, topic, message_key, event_type, subject, payload, headers, created_at";
    static final String VALUES = "?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?";
    static final int COLUMN_COUNT = 8;

    private static final List<String> TOPICS = List.of(Topics.OPPORTUNITIES, Topics.OPPORTUNITY_DLQ);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One outbox row, in {@link #COLUMNS} order. */
    record Row(Object[] values) {
    }

    private Published() {
    }

    static Map<TopicPartition, Long> endOffsets(String bootstrap) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = new ArrayList<>();
            TOPICS.forEach(t -> consumer.partitionsFor(t, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(t, p.partition()))));
            return new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
        }
    }

    static List<Row> rows(String bootstrap, Map<TopicPartition, Long> from, String database, String signalKeyPrefix)
            throws Exception {
        Set<String> opportunities = new HashSet<>();
        try (Connection c = SignalPipelineBenchmark.connect(database); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id from opportunity")) {
            while (rs.next()) {
                opportunities.add(rs.getString(1));
            }
        }
        List<Row> rows = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            Map<TopicPartition, Long> end = consumer.endOffsets(from.keySet(), Duration.ofSeconds(30));
            while (from.keySet().stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                    boolean ours = r.topic().equals(Topics.OPPORTUNITIES) ? opportunities.contains(r.key())
                            : r.key() != null && r.key().startsWith(signalKeyPrefix);
                    if (ours) {
                        rows.add(row(r));
                    }
                }
            }
        }
        return rows;
    }

    private static Row row(ConsumerRecord<String, byte[]> r) throws JsonProcessingException {
        Map<String, String> extra = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            if (!h.key().startsWith("ce_") && !h.key().equals(CloudEvents.CONTENT_TYPE)) {
                extra.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        return new Row(new Object[] { UUID.fromString(header(r, CloudEvents.ID)), r.topic(), r.key(),
                header(r, CloudEvents.TYPE), header(r, CloudEvents.SUBJECT),
                r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8),
                extra.isEmpty() ? null : JSON.writeValueAsString(extra),
                Timestamp.from(Instant.parse(header(r, CloudEvents.TIME))) });
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000), new StringDeserializer(), new ByteArrayDeserializer());
    }
}

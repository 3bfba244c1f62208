package io.esop.order.support;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.CloudEvents;
import io.esop.contracts.EsopEvent;
import io.esop.contracts.EventType;
import io.esop.contracts.EventTypes;
import io.esop.contracts.Industry;
import io.esop.contracts.ProductLine;
import io.esop.contracts.StaffRole;
import io.esop.contracts.ValueTier;
import io.esop.contracts.customer.CustomerSnapshot;
import io.esop.contracts.customer.CustomerStatus;
import io.esop.contracts.staff.StaffSnapshot;

/** Produces contract events to the real topics, as their owners would (CloudEvents binary headers). */
public final class Kafka implements AutoCloseable {

    public static final ObjectMapper JSON = io.esop.contracts.EsopJson.newObjectMapper();

    private final KafkaProducer<String, String> producer;

    public Kafka() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("kafka.bootstrap.servers", "localhost:9092"));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Sends an event with a new ce_id; returns the ce_id. */
    public <T extends EsopEvent> String send(EventType<T> type, T event) {
        return send(type, event, UUID.randomUUID().toString());
    }

    /** Sends an event with the given ce_id (a redelivery keeps it). */
    public <T extends EsopEvent> String send(EventType<T> type, T event, String ceId) {
        sendRaw(type.topic(), event.key(), json(event), type.name(), ceId);
        return ceId;
    }

    public void sendRaw(String topic, String key, String value, String type, String ceId) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        header(record, CloudEvents.SPEC_VERSION, CloudEvents.SPEC_VERSION_1_0);
        header(record, CloudEvents.ID, ceId);
        header(record, CloudEvents.TYPE, type);
        header(record, CloudEvents.SOURCE, "esop-order-tests");
        header(record, CloudEvents.SUBJECT, key);
        header(record, CloudEvents.TIME, Instant.now().toString());
        header(record, CloudEvents.CONTENT_TYPE, CloudEvents.APPLICATION_JSON);
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + topic, e);
        }
    }

    public void flush() {
        producer.flush();
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A customer snapshot as the customer service publishes it. */
    public static CustomerSnapshot customer(String id, String name, String manager, String team, long version) {
        Instant now = Instant.now();
        return new CustomerSnapshot(id, name, "91310000MA1FL0000X", Industry.MANUFACTURING,
                team.startsWith("hz") ? "330100" : "310000", ValueTier.KEY, CustomerStatus.ACTIVE, manager, team,
                new BigDecimal("100000.00"), BigDecimal.ZERO, now, version, now);
    }

    public static StaffSnapshot staff(String id, StaffRole role, String team, long version) {
        Instant now = Instant.now();
        return new StaffSnapshot(id, "Test " + id, role, "310000", List.of(Industry.FINANCE),
                List.of(ProductLine.CLOUD), team, null, 10, true, now, version, now);
    }

    /** Upserts the demo customer ACME (cust-acme: manager cm-zhang, team sh-enterprise) at a low version. */
    public void ensureAcme() {
        send(EventTypes.CUSTOMER_SNAPSHOT, customer("cust-acme", "ACME Industrial Group Co., Ltd.", "cm-zhang",
                "sh-enterprise", 1));
    }

    static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}

package io.esop.simulator.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.CloudEvents;
import io.esop.contracts.EsopJson;
import io.esop.contracts.EventTypes;
import io.esop.contracts.ProductLine;
import io.esop.contracts.Topics;
import io.esop.contracts.ValueTier;
import io.esop.contracts.order.OrderProgressEvent;
import io.esop.contracts.order.OrderState;
import io.esop.contracts.order.OrderSubmitted;
import io.esop.contracts.order.ProgressKind;
import io.quarkus.test.junit.QuarkusTest;

/** Against the real Kafka: a submitted order is reported on, untidily; other order events are not. */
@QuarkusTest
class FulfilmentSimulatorTest {

    private static final String BOOTSTRAP = "localhost:9092";
    private final ObjectMapper json = EsopJson.newObjectMapper();

    @ConfigProperty(name = "mp.messaging.incoming.orders-in.group.id")
    String simulatorGroup;

    @Test
    void aSubmittedOrderGetsEveryMilestoneReportedLateDuplicatedAndWithAHold() throws Exception {
        String ignoredOrder = "sim-ignored-" + UUID.randomUUID();
        String order = "sim-order-" + UUID.randomUUID();
        String partitionKey = "sim-key-" + UUID.randomUUID();
        awaitSimulatorAssigned();
        try (KafkaConsumer<String, String> consumer = consumerAtEnd(); KafkaProducer<String, String> producer = producer()) {
            // Same key, so the same partition: the ignored event is read before the submitted one.
            producer.send(record(partitionKey, EventTypes.ORDER_STATE_CHANGED.name(), "{\"orderId\":\"" + ignoredOrder + "\"}")).get();
            producer.send(record(partitionKey, EventTypes.ORDER_SUBMITTED.name(), json.writeValueAsString(submitted(order)))).get();

            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return reportsOf(received, order).stream().map(OrderProgressEvent::sequence).distinct().count() == 16
                        && reportsOf(received, order).stream().anyMatch(r -> r.sequence() == 16);
            });
            // the last report may still have a late duplicate in flight; give it the reorder window
            long until = System.currentTimeMillis() + 1500;
            while (System.currentTimeMillis() < until) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }

            List<OrderProgressEvent> reports = reportsOf(received, order);
            Map<Long, List<OrderProgressEvent>> bySequence = reports.stream()
                    .collect(Collectors.groupingBy(OrderProgressEvent::sequence));
            assertThat(bySequence.keySet()).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.LongStream.rangeClosed(1, 16).boxed().toList());
            assertThat(bySequence.values()).allSatisfy(copies ->
                    assertThat(copies).extracting(OrderProgressEvent::eventId).containsOnly(copies.get(0).eventId()));
            assertThat(reports).as("some reports are sent twice").hasSizeGreaterThan(16);
            assertThat(reports).extracting(OrderProgressEvent::kind).contains(ProgressKind.HELD, ProgressKind.RESUMED);
            assertThat(received).filteredOn(r -> r.key().equals(order)).allSatisfy(r -> {
                assertThat(header(r, CloudEvents.TYPE)).isEqualTo(EventTypes.ORDER_PROGRESS_REPORTED.name());
                assertThat(header(r, CloudEvents.SUBJECT)).isEqualTo(order);
            });
            assertThat(received).noneMatch(r -> ignoredOrder.equals(r.key()));
        }
    }

    /** The simulator reads from the latest offsets: produce only once its consumer owns the partitions. */
    private void awaitSimulatorAssigned() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        try (Admin admin = Admin.create(properties)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(simulatorGroup))
                        .describedGroups().get(simulatorGroup).get();
                return group.groupState() == GroupState.STABLE && group.members().stream()
                        .mapToInt(m -> m.assignment().topicPartitions().size()).sum() > 0;
            });
        }
    }

    private List<OrderProgressEvent> reportsOf(List<ConsumerRecord<String, String>> records, String order) {
        List<OrderProgressEvent> reports = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            if (order.equals(record.key())) {
                try {
                    reports.add(json.readValue(record.value(), OrderProgressEvent.class));
                } catch (Exception e) {
                    throw new AssertionError("unreadable progress report " + record.value(), e);
                }
            }
        }
        return reports;
    }

    private static OrderSubmitted submitted(String orderId) {
        Instant now = Instant.now();
        return new OrderSubmitted(orderId, 1, "APP-" + orderId, null, null, "cust-acme", ProductLine.DEDICATED_LINE,
                ValueTier.KEY, "cm-zhang", "sh-enterprise", new BigDecimal("4800.00"), OrderState.ACKNOWLEDGED, null,
                "cm-zhang", now);
    }

    private static ProducerRecord<String, String> record(String key, String type, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ORDERS, key, value);
        record.headers().add(CloudEvents.TYPE, type.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEvents.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumerAtEnd() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ORDER_PROGRESS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before anything is produced
        return consumer;
    }
}

package io.esop.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.esop.contracts.order.OrderProgressEvent;
import io.esop.contracts.schema.SchemaGenerator;
import io.esop.contracts.signal.Signal;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The conventions every event type follows, so that the eventing library and consumers can rely on them. */
class ContractConventionsTest {

    /** Topics whose consumers order one aggregate's events by sequence. */
    private static final Set<String> SEQUENCED_TOPICS =
            Set.of(Topics.OPPORTUNITIES, Topics.ORDERS, Topics.ORDER_PROGRESS);

    @TestFactory
    Stream<DynamicTest> everyEventIsKeyedTimedAndWhereNeededSequenced() {
        return EventTypes.ALL.stream().map(type -> dynamicTest(type.name(), () -> {
            Class<?> payload = type.payload();
            String key = SchemaGenerator.keyComponent(payload);
            EsopEvent sample = Samples.of(type);
            if (payload.isAnnotationPresent(EventKey.class)) {
                // a derived key (its derivation is tested with its record): always there
                assertTrue(sample.key() != null && !sample.key().isBlank(), "a derived key is never empty");
            } else {
                RecordComponent keyComponent = component(payload, key);
                assertEquals(String.class, keyComponent.getType(), "the key is a string");
                assertEquals(Records.value(sample, keyComponent), sample.key(), "key() returns the @EventKey component");
                assertTrue(!Records.isOptional(keyComponent), "the key is required");
            }

            RecordComponent occurredAt = component(payload, "occurredAt");
            assertEquals(Instant.class, occurredAt.getType());
            assertTrue(!Records.isOptional(occurredAt), "occurredAt is required");

            if (SEQUENCED_TOPICS.contains(type.topic())) {
                assertEquals(long.class, component(payload, "sequence").getType(), "sequence is a long");
            }
        }));
    }

    @Test
    void aSignalIsKeyedByTheCustomerItIsAbout() {
        Signal sample = (Signal) Samples.of(EventTypes.SIGNAL_RECEIVED);
        io.esop.contracts.signal.Prospect prospect = sample.prospect();
        // a prospect: its credit code, so that its signals (whatever their ids) stay in one partition
        assertEquals("91320500MA1MXQ0K34", sample.key());
        assertEquals(sample.key(), withSignal(sample, "SIG-OTHER-1", null, prospect).key());
        // without a credit code: the contact phone
        io.esop.contracts.signal.Prospect noCode = new io.esop.contracts.signal.Prospect(prospect.name(), null,
                prospect.region(), prospect.industry(), prospect.contactName(), prospect.contactPhone());
        assertEquals("13800138000", withSignal(sample, "SIG-OTHER-2", null, noCode).key());
        // a known customer: its id, prospect or not
        assertEquals("CUST-42", withSignal(sample, "SIG-OTHER-3", "CUST-42", prospect).key());
        assertEquals("CUST-42", withSignal(sample, "SIG-OTHER-4", "CUST-42", null).key());
    }

    private static Signal withSignal(Signal s, String id, String customerId, io.esop.contracts.signal.Prospect p) {
        return new Signal(id, s.source(), customerId, p, s.productLine(), s.intent(), s.strength(),
                s.estimatedMonthlyValue(), s.observedAt(), s.detail(), s.capturedBy(), s.occurredAt());
    }

    @Test
    void allListsEveryEventTypeConstantOnceAndLookupsFindThem() throws Exception {
        List<EventType<?>> constants = new ArrayList<>();
        for (Field field : EventTypes.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == EventType.class) {
                constants.add((EventType<?>) field.get(null));
            }
        }
        assertEquals(new HashSet<>(constants), new HashSet<>(EventTypes.ALL));
        assertEquals(constants.size(), EventTypes.ALL.size());

        Set<String> names = new HashSet<>();
        Set<Class<?>> payloads = new HashSet<>();
        for (EventType<?> type : EventTypes.ALL) {
            assertTrue(names.add(type.name()), "duplicate name " + type.name());
            assertTrue(payloads.add(type.payload()), "two event types share " + type.payload());
            assertEquals(type, EventTypes.byName(type.name()).orElseThrow());
            assertTrue(EventTypes.onTopic(type.topic()).contains(type));
            assertEquals(1, type.version());
        }
        assertEquals(java.util.Optional.empty(), EventTypes.byName("esop.order.teleported.v1"));
        assertEquals(EventTypes.SIGNAL_RECEIVED, EventTypes.byPayload(Signal.class).orElseThrow());
        assertEquals(EventTypes.ORDER_PROGRESS_REPORTED, EventTypes.byPayload(OrderProgressEvent.class).orElseThrow());
        assertEquals("esop.order.milestone-reached.v1", EventTypes.ORDER_MILESTONE_REACHED.name());
        assertEquals("urn:esop:schema:esop.sla.alert.v1", EventTypes.SLA_ALERT.schemaId());
    }

    @Test
    void eventTypeNamesFollowThePattern() {
        assertThrows(IllegalArgumentException.class,
                () -> new EventType<>("esop.order.MilestoneReached.v1", OrderProgressEvent.class, Topics.ORDERS));
        assertThrows(IllegalArgumentException.class,
                () -> new EventType<>("esop.order.milestone-reached", OrderProgressEvent.class, Topics.ORDERS));
        assertThrows(IllegalArgumentException.class,
                () -> new EventType<>("esop.order.milestone-reached.v1", OrderProgressEvent.class, "orders"));
    }

    @Test
    void topicConstantsAreListedAndNamedConsistently() throws Exception {
        List<String> constants = new ArrayList<>();
        for (Field field : Topics.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                constants.add((String) field.get(null));
            }
        }
        assertEquals(new HashSet<>(constants), new HashSet<>(Topics.ALL));
        assertEquals(constants.size(), Topics.ALL.size(), "Topics.ALL has duplicates");
        for (String topic : Topics.ALL) {
            assertTrue(topic.matches("esop\\.[a-z]+(-[a-z]+)*(\\.dlq)?\\.v[1-9][0-9]*"), topic);
        }
        assertEquals(Topics.ALL.size(), Topics.EVENT_TOPICS.size() + Topics.DEAD_LETTER_TOPICS.size());
        for (EventType<?> type : EventTypes.ALL) {
            assertTrue(Topics.EVENT_TOPICS.contains(type.topic()), type.name());
        }
        for (String topic : Topics.EVENT_TOPICS) {
            assertTrue(!EventTypes.onTopic(topic).isEmpty(), "no event type on " + topic);
        }
    }

    @Test
    void cloudEventsHeaderNames() {
        assertEquals(
                List.of("ce_specversion", "ce_id", "ce_type", "ce_source", "ce_subject", "ce_time", "content-type"),
                List.of(CloudEvents.SPEC_VERSION, CloudEvents.ID, CloudEvents.TYPE, CloudEvents.SOURCE,
                        CloudEvents.SUBJECT, CloudEvents.TIME, CloudEvents.CONTENT_TYPE));
    }

    @Test
    void everyRecordAndEnumIsRegisteredForNativeReflection() {
        List<Class<?>> registered = io.esop.contracts.schema.ReflectConfigGenerator.contractTypes();
        for (EventType<?> type : EventTypes.ALL) {
            for (Record record : Records.nested(Samples.of(type))) {
                assertTrue(registered.contains(record.getClass()), record.getClass().getName());
                Arrays.stream(record.getClass().getRecordComponents())
                        .map(RecordComponent::getType)
                        .filter(Class::isEnum)
                        .filter(enumType -> enumType.getName().startsWith("io.esop."))
                        .forEach(enumType -> assertTrue(registered.contains(enumType), enumType.getName()));
            }
        }
    }

    private static RecordComponent component(Class<?> record, String name) {
        return Arrays.stream(record.getRecordComponents())
                .filter(component -> component.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(record.getName() + " has no component " + name));
    }
}

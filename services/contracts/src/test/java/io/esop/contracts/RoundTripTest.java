package io.esop.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.esop.contracts.customer.CustomerSnapshot;
import io.esop.contracts.schema.MiniSchemaValidator;
import io.esop.contracts.schema.SchemaGenerator;
import io.esop.contracts.sla.SlaPolicy;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every event survives JSON and back, matches its schema, and its required fields really are required. */
class RoundTripTest {

    private final ObjectMapper mapper = EsopJson.newObjectMapper();
    private final SchemaGenerator generator = new SchemaGenerator();
    private final MiniSchemaValidator validator = new MiniSchemaValidator();

    @TestFactory
    Stream<DynamicTest> sampleSurvivesJsonAndBack() {
        return forEachEventType((type, sample) -> {
            String json = mapper.writeValueAsString(sample);
            assertEquals(sample, mapper.readValue(json, type.payload()), json);
        });
    }

    @TestFactory
    Stream<DynamicTest> jsonPropertiesAreExactlyTheRecordComponents() {
        return forEachEventType((type, sample) -> {
            JsonNode json = mapper.valueToTree(sample);
            Set<String> written = new TreeSet<>();
            json.fieldNames().forEachRemaining(written::add);
            Set<String> components = new TreeSet<>();
            Arrays.stream(type.payload().getRecordComponents())
                    .filter(component -> Records.value(sample, component) != null)
                    .forEach(component -> components.add(component.getName()));
            assertEquals(components, written, "key() and other methods must not leak into the JSON");
        });
    }

    @TestFactory
    Stream<DynamicTest> schemaRequiresExactlyTheNonOptionalComponents() {
        return forEachEventType((type, sample) -> {
            JsonNode schema = generator.schemaOf(type, sample);
            List<String> required = new ArrayList<>();
            schema.get("required").forEach(name -> required.add(name.textValue()));
            List<String> nonOptional = Arrays.stream(type.payload().getRecordComponents())
                    .filter(component -> !Records.isOptional(component))
                    .map(RecordComponent::getName)
                    .sorted()
                    .toList();
            assertEquals(nonOptional, required);
            assertFalse(required.isEmpty());
        });
    }

    @TestFactory
    Stream<DynamicTest> sampleValidatesAgainstItsSchema() {
        return forEachEventType((type, sample) -> {
            JsonNode schema = generator.schemaOf(type, sample);
            JsonNode json = mapper.valueToTree(sample);
            assertEquals(List.of(), validator.validate(schema, json));

            ObjectNode withoutRequired = json.deepCopy();
            String firstRequired = schema.get("required").get(0).textValue();
            withoutRequired.remove(firstRequired);
            assertFalse(validator.validate(schema, withoutRequired).isEmpty(),
                    "the schema must require " + firstRequired);
        });
    }

    @TestFactory
    Stream<DynamicTest> payloadWithoutOptionalFieldsSurvivesAndValidates() {
        return forEachEventType((type, sample) -> {
            Object minimal = withoutOptionals((Record) sample);
            String json = mapper.writeValueAsString(minimal);
            assertEquals(minimal, mapper.readValue(json, type.payload()), json);
            assertEquals(List.of(), validator.validate(generator.schemaOf(type, sample), mapper.readTree(json)), json);
        });
    }

    @TestFactory
    Stream<DynamicTest> missingRequiredFieldIsRejectedWhenRead() {
        return forEachEventType((type, sample) -> {
            for (RecordComponent component : type.payload().getRecordComponents()) {
                if (Records.isOptional(component) || component.getType().isPrimitive()) {
                    continue; // primitives read as 0/false; their range checks catch the ones that matter
                }
                ObjectNode json = mapper.valueToTree(sample);
                json.remove(component.getName());
                DatabindException thrown = assertThrows(DatabindException.class,
                        () -> mapper.treeToValue(json, type.payload()), component.getName());
                assertTrue(thrown.getMessage().contains(component.getName()), thrown.getMessage());
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> constructorRejectsNullExactlyForRequiredComponents() {
        return forEachRecordInTheSamples(record -> {
            RecordComponent[] components = record.getClass().getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                RecordComponent component = components[i];
                if (component.getType().isPrimitive()) {
                    continue;
                }
                int index = i;
                if (Records.isOptional(component)) {
                    try {
                        Records.copyWith(record, index, null);
                    } catch (IllegalArgumentException crossFieldRule) {
                        // e.g. a signal needs customerId or prospect: the rule is about the pair, fine
                    } catch (Throwable e) {
                        throw new AssertionError(component + " is @Optional but null is rejected", e);
                    }
                } else {
                    Throwable thrown = assertThrows(Throwable.class, () -> Records.copyWith(record, index, null),
                            component + " is required but null is accepted: add a Require check");
                    assertInstanceOf(NullPointerException.class, thrown, component.toString());
                    assertTrue(thrown.getMessage().contains(component.getName()), thrown.getMessage());
                }
            }
        });
    }

    @Test
    void whatAQuarkusServiceWritesByDefaultIsValidAndReadable() throws Throwable {
        // Quarkus' default ObjectMapper: ISO dates, but durations as numbers and nulls written out.
        ObjectMapper quarkusDefault = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.ALWAYS);
        for (EventType<?> type : EventTypes.ALL) {
            Object minimal = withoutOptionals((Record) Samples.of(type));
            String written = quarkusDefault.writeValueAsString(minimal);
            assertEquals(List.of(), validator.validate(generator.schemaOf(type, Samples.of(type)),
                    mapper.readTree(written)), type + ": " + written);
            assertEquals(minimal, mapper.readValue(written, type.payload()), type.name());
        }
        JsonNode policy = mapper.readTree(quarkusDefault.writeValueAsString(Samples.of(EventTypes.SLA_POLICY)));
        assertEquals("PT16H", policy.get("target").textValue());
        assertEquals("PT4H", policy.get("escalations").get(0).get("after").textValue());
    }

    @Test
    void unknownPropertiesAreIgnored() throws Exception {
        ObjectNode json = mapper.valueToTree(Samples.of(EventTypes.ORDER_SUBMITTED));
        json.put("addedInALaterRelease", "whatever");
        json.putObject("nested").put("x", 1);
        assertEquals(Samples.of(EventTypes.ORDER_SUBMITTED),
                mapper.treeToValue(json, EventTypes.ORDER_SUBMITTED.payload()));
    }

    @Test
    void moneyIsAPlainJsonNumber() throws Throwable {
        CustomerSnapshot sample = (CustomerSnapshot) Samples.of(EventTypes.CUSTOMER_SNAPSHOT);
        Object[] values = Records.values(sample);
        values[9] = new BigDecimal("1E+6"); // creditLimit
        String json = mapper.writeValueAsString(Records.construct(CustomerSnapshot.class, values));
        assertTrue(json.contains("\"creditLimit\":1000000,"), json);
        assertTrue(json.contains("\"arrears\":0.00,"), json);
    }

    @Test
    void absentDefaultedFieldsTakeTheirDefaults() throws Exception {
        ObjectNode json = mapper.valueToTree(Samples.of(EventTypes.SLA_POLICY));
        json.remove("warningThresholdPercent");
        ((ObjectNode) json.get("calendar")).remove("zone");
        SlaPolicy policy = mapper.treeToValue(json, SlaPolicy.class);
        assertEquals(SlaPolicy.DEFAULT_WARNING_THRESHOLD_PERCENT, policy.warningThresholdPercent());
        assertEquals("Asia/Shanghai", policy.calendar().zone());
    }

    @TestFactory
    Stream<DynamicTest> publishedDefaultsMatchWhatConstructorsDo() {
        return forEachRecordInTheSamples(record -> {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Optional optional = component.getAnnotation(Optional.class);
                if (optional == null || optional.defaultValue().isEmpty()) {
                    continue;
                }
                ObjectNode json = mapper.valueToTree(record);
                json.remove(component.getName());
                Object read = mapper.treeToValue(json, record.getClass());
                JsonNode value = mapper.valueToTree(Records.value(read, component));
                assertEquals(optional.defaultValue(), value.asText(), component.toString());
            }
        });
    }

    /** Copy of {@code record} with every optional component null, where the record's rules allow it. */
    private static Object withoutOptionals(Record record) throws Throwable {
        Object current = record;
        RecordComponent[] components = record.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (Records.isOptional(components[i]) && !components[i].getType().isPrimitive()) {
                try {
                    current = Records.copyWith((Record) current, i, null);
                } catch (IllegalArgumentException crossFieldRule) {
                    // keep this one: e.g. a signal needs customerId or prospect
                }
            }
        }
        return current;
    }

    @FunctionalInterface
    private interface Check<T> {
        void run(T value) throws Throwable;
    }

    @FunctionalInterface
    private interface TypeCheck {
        void run(EventType<?> type, EsopEvent sample) throws Throwable;
    }

    private static Stream<DynamicTest> forEachEventType(TypeCheck check) {
        return EventTypes.ALL.stream().map(type -> dynamicTest(type.name(), () -> check.run(type, Samples.of(type))));
    }

    private static Stream<DynamicTest> forEachRecordInTheSamples(Check<Record> check) {
        List<Record> records = new ArrayList<>();
        Set<Class<?>> seen = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
        for (EventType<?> type : EventTypes.ALL) {
            for (Record record : Records.nested(Samples.of(type))) {
                if (seen.add(record.getClass())) {
                    records.add(record);
                }
            }
        }
        return records.stream().map(record -> dynamicTest(record.getClass().getSimpleName(), () -> check.run(record)));
    }
}

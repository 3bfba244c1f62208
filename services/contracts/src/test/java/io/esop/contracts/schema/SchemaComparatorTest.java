package io.esop.contracts.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.esop.contracts.EsopJson;
import io.esop.contracts.EventTypes;
import io.esop.contracts.Samples;
import io.esop.contracts.schema.SchemaComparator.Change;
import io.esop.contracts.schema.SchemaComparator.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison rules on small hand-made schema pairs: proof that the compatibility check can fail. */
class SchemaComparatorTest {

    private static final ObjectMapper MAPPER = EsopJson.newObjectMapper();

    private static final String BASE = """
            {
              "type": "object",
              "x-esop-topic": "esop.orders.v1",
              "x-esop-key": "orderId",
              "properties": {
                "orderId": {"type": "string"},
                "occurredAt": {"type": "string", "format": "date-time"},
                "state": {"type": "string", "enum": ["acknowledged", "inProgress"]},
                "note": {"description": "free text", "type": ["string", "null"]},
                "tags": {"type": "array", "items": {"type": "string"}},
                "split": {
                  "type": "object",
                  "properties": {
                    "ownerId": {"type": "string"},
                    "partnerId": {"type": ["string", "null"]}
                  },
                  "required": ["ownerId"],
                  "additionalProperties": true
                }
              },
              "required": ["occurredAt", "orderId", "split", "state", "tags"],
              "additionalProperties": true
            }
            """;

    private final SchemaComparator comparator = new SchemaComparator();

    @Test
    void identicalSchemasHaveNoChanges() {
        assertEquals(List.of(), comparator.compare(base(), base()));
    }

    @Test
    void removedPropertyBreaks() {
        ObjectNode changed = base();
        properties(changed).remove("note");
        assertOnlyBreak(changed, Kind.PROPERTY_REMOVED, "note");
    }

    @Test
    void retypedPropertyBreaks() {
        ObjectNode changed = base();
        properties(changed).putObject("orderId").put("type", "integer");
        assertOnlyBreak(changed, Kind.TYPE_CHANGED, "orderId");
    }

    @Test
    void changedFormatBreaks() {
        ObjectNode changed = base();
        ((ObjectNode) properties(changed).get("occurredAt")).put("format", "date");
        assertOnlyBreak(changed, Kind.FORMAT_CHANGED, "occurredAt");
    }

    @Test
    void optionalPropertyBecomingRequiredBreaks() {
        ObjectNode changed = base();
        ((ArrayNode) changed.get("required")).add("note");
        ((ObjectNode) properties(changed).get("note")).put("type", "string");
        assertOnlyBreak(changed, Kind.NEWLY_REQUIRED, "note");
    }

    @Test
    void newRequiredPropertyBreaks() {
        ObjectNode changed = base();
        properties(changed).putObject("customerId").put("type", "string");
        ((ArrayNode) changed.get("required")).add("customerId");
        assertOnlyBreak(changed, Kind.NEWLY_REQUIRED, "customerId");
    }

    @Test
    void requiredPropertyBecomingOptionalBreaks() {
        ObjectNode changed = base();
        ArrayNode required = (ArrayNode) changed.get("required");
        required.remove(0); // occurredAt
        properties(changed).putObject("occurredAt").put("format", "date-time")
                .putArray("type").add("string").add("null");
        assertOnlyBreak(changed, Kind.NO_LONGER_REQUIRED, "occurredAt");
    }

    @Test
    void addedOptionalPropertyIsCompatible() {
        ObjectNode changed = base();
        properties(changed).putObject("channel").putArray("type").add("string").add("null");
        List<Change> changes = comparator.compare(base(), changed);
        assertEquals(List.of(new Change(Kind.PROPERTY_ADDED, "channel", "")), changes);
        assertFalse(changes.get(0).breaking());
    }

    @Test
    void addedEnumValueIsCompatibleAndRemovedOneBreaks() {
        ObjectNode added = base();
        ((ArrayNode) properties(added).get("state").get("enum")).add("held");
        assertEquals(List.of(new Change(Kind.ENUM_VALUE_ADDED, "state", "held")), comparator.compare(base(), added));
        assertEquals(List.of(), comparator.breaking(base(), added));

        ObjectNode removed = base();
        ((ArrayNode) properties(removed).get("state").get("enum")).remove(1);
        assertOnlyBreak(removed, Kind.ENUM_VALUE_REMOVED, "state");
    }

    @Test
    void enumRestrictionOnAFreeStringBreaks() {
        ObjectNode changed = base();
        ((ObjectNode) properties(changed).get("orderId")).putArray("enum").add("ORD-1");
        assertOnlyBreak(changed, Kind.ENUM_RESTRICTION_CHANGED, "orderId");
    }

    @Test
    void changesInsideNestedObjectsAndArraysAreFound() {
        ObjectNode nested = base();
        ObjectNode split = (ObjectNode) properties(nested).get("split");
        ((ArrayNode) split.get("required")).add("partnerId");
        ((ObjectNode) split.get("properties").get("partnerId")).put("type", "string");
        assertOnlyBreak(nested, Kind.NEWLY_REQUIRED, "split.partnerId");

        ObjectNode items = base();
        ((ObjectNode) properties(items).get("tags").get("items")).put("type", "integer");
        assertOnlyBreak(items, Kind.TYPE_CHANGED, "tags[]");
    }

    @Test
    void closingTheObjectBreaks() {
        ObjectNode changed = base();
        changed.put("additionalProperties", false);
        assertOnlyBreak(changed, Kind.ADDITIONAL_PROPERTIES_FORBIDDEN, "");
    }

    @Test
    void movingTopicOrKeyBreaks() {
        ObjectNode topic = base();
        topic.put("x-esop-topic", "esop.orders.v2");
        assertOnlyBreak(topic, Kind.TOPIC_CHANGED, "");

        ObjectNode key = base();
        key.put("x-esop-key", "customerId");
        assertOnlyBreak(key, Kind.KEY_CHANGED, "");
    }

    @Test
    void descriptionsExamplesAndNullMarkersAreNotStructural() {
        ObjectNode changed = base();
        ((ObjectNode) properties(changed).get("note")).put("description", "what the clerk wrote");
        changed.putArray("examples").addObject().put("orderId", "ORD-1");
        changed.put("title", "Renamed");
        assertEquals(List.of(), comparator.compare(base(), changed));
    }

    @Test
    void aRealSchemaLosingAFieldIsReportedAsABreak() {
        SchemaGenerator generator = new SchemaGenerator();
        ObjectNode committed = generator.schemaOf(EventTypes.ORDER_MILESTONE_REACHED,
                Samples.of(EventTypes.ORDER_MILESTONE_REACHED));
        ObjectNode generated = committed.deepCopy();
        properties(generated).remove("valueTier");
        ((ArrayNode) generated.get("required")).removeAll();
        committed.get("required").forEach(name -> {
            if (!name.textValue().equals("valueTier")) {
                ((ArrayNode) generated.get("required")).add(name);
            }
        });
        assertOnlyBreak(committed, generated, Kind.PROPERTY_REMOVED, "valueTier");
    }

    private void assertOnlyBreak(JsonNode changed, Kind kind, String path) {
        assertOnlyBreak(base(), changed, kind, path);
    }

    private void assertOnlyBreak(JsonNode before, JsonNode after, Kind kind, String path) {
        List<Change> breaking = comparator.breaking(before, after);
        assertEquals(1, breaking.size(), () -> "expected exactly one break, got " + breaking);
        assertEquals(kind, breaking.get(0).kind(), breaking::toString);
        assertEquals(path, breaking.get(0).path(), breaking::toString);
        assertTrue(breaking.get(0).breaking());
    }

    private static ObjectNode base() {
        try {
            return (ObjectNode) MAPPER.readTree(BASE);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode properties(JsonNode schema) {
        return (ObjectNode) schema.get("properties");
    }
}

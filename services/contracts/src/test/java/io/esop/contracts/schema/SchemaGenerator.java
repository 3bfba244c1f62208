package io.esop.contracts.schema;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.esop.contracts.EsopEvent;
import io.esop.contracts.EsopJson;
import io.esop.contracts.EventKey;
import io.esop.contracts.EventType;
import io.esop.contracts.Optional;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Generates the JSON Schema (draft 2020-12) of an event type by reflection over its record components.
 *
 * <p>Rules: every component is a property named like the component; it is {@code required} unless
 * annotated {@link Optional}, and an optional property also accepts {@code null} (Quarkus writes nulls by
 * default). Nested records are inlined. Properties and {@code required} are sorted by name; enum values
 * keep declaration order. A type without a rule here fails generation: add the rule, do not guess.
 */
public final class SchemaGenerator {

    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    /** Local time as Jackson writes {@link LocalTime}: JSON Schema's {@code time} format demands an offset. */
    static final String LOCAL_TIME_PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,9})?)?$";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 8;

    private final ObjectMapper mapper = EsopJson.newObjectMapper();

    /** The schema of {@code type}, with {@code example} (a payload of that type) as its example. */
    public ObjectNode schemaOf(EventType<?> type, EsopEvent example) {
        Class<?> payload = type.payload();
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", DIALECT);
        schema.put("$id", type.schemaId());
        schema.put("title", payload.getSimpleName());
        JsonClassDescription description = payload.getAnnotation(JsonClassDescription.class);
        if (description != null) {
            schema.put("description", description.value());
        }
        schema.put("x-esop-event-type", type.name());
        schema.put("x-esop-topic", type.topic());
        schema.put("x-esop-key", keyComponent(payload));
        schema.put("x-esop-java-type", payload.getName());
        objectBody(schema, payload, 0);
        if (example != null) {
            if (!payload.isInstance(example)) {
                throw new IllegalArgumentException("example of " + type.name() + " is a " + example.getClass());
            }
            schema.putArray("examples").add(mapper.valueToTree(example));
        }
        return schema;
    }

    /** Pretty-printed, two-space indent, LF line ends, trailing newline: stable across platforms. */
    public String render(JsonNode node) {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        try {
            return mapper.writer(printer).writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The name of the component annotated {@link EventKey}, or, for a record keyed by a derived value (annotated
     * itself), the annotation's words on how it is derived.
     */
    public static String keyComponent(Class<?> payload) {
        List<String> keys = Arrays.stream(payload.getRecordComponents())
                .filter(c -> c.isAnnotationPresent(EventKey.class))
                .map(RecordComponent::getName)
                .toList();
        EventKey derived = payload.getAnnotation(EventKey.class);
        if (derived != null && keys.isEmpty() && !derived.value().isBlank()) {
            return derived.value();
        }
        if (derived != null || keys.size() != 1) {
            throw new IllegalStateException(payload.getName() + " must have exactly one @EventKey component, or"
                    + " none and @EventKey(how the key is derived) on the record; has " + keys
                    + (derived == null ? "" : " and @EventKey(\"" + derived.value() + "\") on the record"));
        }
        return keys.get(0);
    }

    /** Names of the components without {@link Optional}, sorted: what the schema must require. */
    public static List<String> requiredComponents(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .filter(c -> !c.isAnnotationPresent(Optional.class))
                .map(RecordComponent::getName)
                .sorted()
                .toList();
    }

    private void objectBody(ObjectNode target, Class<?> record, int depth) {
        if (!record.isRecord()) {
            throw new IllegalArgumentException(record.getName() + " is not a record");
        }
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("records nested too deep (cyclic?) at " + record.getName());
        }
        target.put("type", "object");
        ObjectNode properties = target.putObject("properties");
        List<RecordComponent> components = new ArrayList<>(List.of(record.getRecordComponents()));
        components.sort(Comparator.comparing(RecordComponent::getName));
        for (RecordComponent component : components) {
            properties.set(component.getName(), propertySchema(record, component, depth));
        }
        ArrayNode required = target.putArray("required");
        requiredComponents(record).forEach(required::add);
        target.put("additionalProperties", true);
    }

    private ObjectNode propertySchema(Class<?> record, RecordComponent component, int depth) {
        Optional optional = component.getAnnotation(Optional.class);
        ObjectNode property = NODES.objectNode();
        String description = description(record, component);
        if (description != null) {
            property.put("description", description);
        }
        String where = record.getName() + "." + component.getName();
        ObjectNode typeSchema = typeSchema(component.getGenericType(), depth, where);
        property.setAll(typeSchema);
        if (optional != null) {
            allowNull(property);
            if (!optional.defaultValue().isEmpty()) {
                property.set("default", defaultValue(optional.defaultValue(), typeSchema));
            }
        }
        return property;
    }

    private static String description(Class<?> record, RecordComponent component) {
        try {
            Field field = record.getDeclaredField(component.getName());
            JsonPropertyDescription description = field.getAnnotation(JsonPropertyDescription.class);
            return description == null ? null : description.value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode typeSchema(Type type, int depth, String where) {
        ObjectNode node = NODES.objectNode();
        if (type instanceof ParameterizedType parameterized) {
            if (parameterized.getRawType() == List.class) {
                node.put("type", "array");
                node.set("items", typeSchema(parameterized.getActualTypeArguments()[0], depth + 1, where + "[]"));
                return node;
            }
            throw unsupported(type, where);
        }
        if (!(type instanceof Class<?> cls)) {
            throw unsupported(type, where);
        }
        if (cls == String.class) {
            node.put("type", "string");
        } else if (cls == boolean.class || cls == Boolean.class) {
            node.put("type", "boolean");
        } else if (cls == int.class || cls == Integer.class || cls == long.class || cls == Long.class) {
            node.put("type", "integer");
        } else if (cls == double.class || cls == Double.class || cls == BigDecimal.class) {
            // BigDecimal is a JSON number: exact decimal text (never exponent notation, see EsopJson).
            node.put("type", "number");
        } else if (cls == Instant.class) {
            node.put("type", "string");
            node.put("format", "date-time");
        } else if (cls == LocalDate.class) {
            node.put("type", "string");
            node.put("format", "date");
        } else if (cls == LocalTime.class) {
            node.put("type", "string");
            node.put("pattern", LOCAL_TIME_PATTERN);
        } else if (cls == Duration.class) {
            node.put("type", "string");
            node.put("format", "duration");
        } else if (cls.isEnum()) {
            node.put("type", "string");
            ArrayNode values = node.putArray("enum");
            for (Object constant : cls.getEnumConstants()) {
                values.add(wireName(constant));
            }
        } else if (cls.isRecord()) {
            objectBody(node, cls, depth + 1);
        } else {
            throw unsupported(type, where);
        }
        return node;
    }

    /** The enum constant as the mapper writes it, so @JsonValue names (TMF622 states) are honoured. */
    private String wireName(Object constant) {
        JsonNode written = mapper.valueToTree(constant);
        if (!written.isTextual()) {
            throw new IllegalStateException("enum " + constant.getClass().getName() + " is not written as a string");
        }
        return written.textValue();
    }

    private static void allowNull(ObjectNode property) {
        JsonNode type = property.get("type");
        ArrayNode types = NODES.arrayNode().add(type.textValue()).add("null");
        property.set("type", types);
        if (property.has("enum")) {
            ((ArrayNode) property.get("enum")).addNull();
        }
    }

    private JsonNode defaultValue(String text, ObjectNode typeSchema) {
        String type = typeSchema.get("type").textValue();
        return switch (type) {
            case "integer" -> NODES.numberNode(Long.parseLong(text));
            case "number" -> NODES.numberNode(new BigDecimal(text));
            case "boolean" -> NODES.booleanNode(Boolean.parseBoolean(text));
            case "string" -> NODES.textNode(text);
            default -> throw new IllegalStateException("no default for type " + type);
        };
    }

    private static IllegalArgumentException unsupported(Type type, String where) {
        return new IllegalArgumentException("no JSON Schema rule for " + type.getTypeName() + " (" + where
                + "); add one to SchemaGenerator");
    }
}

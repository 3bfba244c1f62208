package io.esop.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a committed event schema with a newly generated one and lists the differences that matter
 * to the consumers and producers of the event.
 *
 * <p>The rule is full compatibility, because events live on (compacted topics are replayed) and
 * services upgrade one at a time: an old reader must understand new events, and a new reader old ones.
 * Hence only two changes are compatible: a new optional property, and a new enum value (which readers
 * must be upgraded to understand before producers send it). Everything else that changes a value's
 * shape breaks: a removed property, a changed type, format or pattern, a removed enum value, a
 * property that becomes required or stops being required, a changed default, a closed object, a moved
 * topic or key. Descriptions, titles and examples are free to change.
 */
public final class SchemaComparator {

    /** A kind of difference, and whether it breaks readers or writers of the event. */
    public enum Kind {
        PROPERTY_REMOVED(true, "property removed"),
        TYPE_CHANGED(true, "type changed"),
        FORMAT_CHANGED(true, "format changed"),
        PATTERN_CHANGED(true, "pattern changed"),
        ENUM_VALUE_REMOVED(true, "enum value removed"),
        ENUM_RESTRICTION_CHANGED(true, "enum restriction added or removed"),
        NEWLY_REQUIRED(true, "property newly required"),
        NO_LONGER_REQUIRED(true, "property no longer required"),
        DEFAULT_CHANGED(true, "default value changed"),
        ADDITIONAL_PROPERTIES_FORBIDDEN(true, "additional properties forbidden"),
        TOPIC_CHANGED(true, "topic changed"),
        KEY_CHANGED(true, "Kafka key changed"),
        PROPERTY_ADDED(false, "optional property added"),
        ENUM_VALUE_ADDED(false, "enum value added");

        private final boolean breaking;
        private final String text;

        Kind(boolean breaking, String text) {
            this.breaking = breaking;
            this.text = text;
        }

        public boolean breaking() {
            return breaking;
        }

        public String text() {
            return text;
        }
    }

    /**
     * One difference.
     *
     * @param path   the field: {@code customerId}, {@code creditSplit.partnerId}, {@code escalations[].after};
     *               empty for the event as a whole
     */
    public record Change(Kind kind, String path, String detail) {

        public boolean breaking() {
            return kind.breaking();
        }

        @Override
        public String toString() {
            return (path.isEmpty() ? "(event)" : "field '" + path + "'") + ": " + kind + " (" + kind.text()
                    + (detail.isEmpty() ? "" : ": " + detail) + ")";
        }
    }

    /** Every structural difference from {@code committed} to {@code generated}, ordered by field. */
    public List<Change> compare(JsonNode committed, JsonNode generated) {
        List<Change> changes = new ArrayList<>();
        metadata(committed, generated, "x-esop-topic", Kind.TOPIC_CHANGED, changes);
        metadata(committed, generated, "x-esop-key", Kind.KEY_CHANGED, changes);
        compareSchemas("", committed, generated, changes);
        changes.sort(Comparator.comparing(Change::path).thenComparing(Change::kind));
        return changes;
    }

    /** Only the breaking ones. */
    public List<Change> breaking(JsonNode committed, JsonNode generated) {
        return compare(committed, generated).stream().filter(Change::breaking).toList();
    }

    private static void metadata(JsonNode committed, JsonNode generated, String keyword, Kind kind,
            List<Change> changes) {
        String before = text(committed, keyword);
        String after = text(generated, keyword);
        if (before != null && !before.equals(after)) {
            changes.add(new Change(kind, "", before + " -> " + after));
        }
    }

    private void compareSchemas(String path, JsonNode before, JsonNode after, List<Change> changes) {
        Set<String> typesBefore = types(before);
        Set<String> typesAfter = types(after);
        if (!typesBefore.equals(typesAfter)) {
            changes.add(new Change(Kind.TYPE_CHANGED, path, typesBefore + " -> " + typesAfter));
            return; // everything below would only repeat it
        }
        keyword(path, before, after, "format", Kind.FORMAT_CHANGED, changes);
        keyword(path, before, after, "pattern", Kind.PATTERN_CHANGED, changes);
        if (!Objects.equals(before.get("default"), after.get("default"))) {
            changes.add(new Change(Kind.DEFAULT_CHANGED, path, before.get("default") + " -> " + after.get("default")));
        }
        enums(path, before, after, changes);
        if (before.has("items") || after.has("items")) {
            if (before.has("items") && after.has("items")) {
                compareSchemas(path + "[]", before.get("items"), after.get("items"), changes);
            } else {
                changes.add(new Change(Kind.TYPE_CHANGED, path + "[]", "array items "
                        + (before.has("items") ? "no longer described" : "newly constrained")));
            }
        }
        if (before.has("properties") || after.has("properties")) {
            properties(path, before, after, changes);
        }
        if (!isFalse(before.get("additionalProperties")) && isFalse(after.get("additionalProperties"))) {
            changes.add(new Change(Kind.ADDITIONAL_PROPERTIES_FORBIDDEN, path, "additionalProperties: false"));
        }
    }

    private void properties(String path, JsonNode before, JsonNode after, List<Change> changes) {
        JsonNode propertiesBefore = before.path("properties");
        JsonNode propertiesAfter = after.path("properties");
        Set<String> requiredBefore = strings(before.get("required"));
        Set<String> requiredAfter = strings(after.get("required"));
        for (String name : names(propertiesBefore)) {
            String field = path.isEmpty() ? name : path + "." + name;
            if (!propertiesAfter.has(name)) {
                changes.add(new Change(Kind.PROPERTY_REMOVED, field, ""));
                continue;
            }
            if (!requiredBefore.contains(name) && requiredAfter.contains(name)) {
                changes.add(new Change(Kind.NEWLY_REQUIRED, field, "was optional"));
            } else if (requiredBefore.contains(name) && !requiredAfter.contains(name)) {
                changes.add(new Change(Kind.NO_LONGER_REQUIRED, field, "readers rely on it being present"));
            }
            compareSchemas(field, propertiesBefore.get(name), propertiesAfter.get(name), changes);
        }
        for (String name : names(propertiesAfter)) {
            if (propertiesBefore.has(name)) {
                continue;
            }
            String field = path.isEmpty() ? name : path + "." + name;
            if (requiredAfter.contains(name)) {
                changes.add(new Change(Kind.NEWLY_REQUIRED, field, "new property, required"));
            } else {
                changes.add(new Change(Kind.PROPERTY_ADDED, field, ""));
            }
        }
    }

    private static void enums(String path, JsonNode before, JsonNode after, List<Change> changes) {
        boolean hadEnum = before.has("enum");
        boolean hasEnum = after.has("enum");
        if (!hadEnum && !hasEnum) {
            return;
        }
        if (hadEnum != hasEnum) {
            changes.add(new Change(Kind.ENUM_RESTRICTION_CHANGED, path,
                    hasEnum ? "values now restricted to " + strings(after.get("enum"))
                            : "values no longer restricted"));
            return;
        }
        Set<String> valuesBefore = strings(before.get("enum"));
        Set<String> valuesAfter = strings(after.get("enum"));
        for (String value : valuesBefore) {
            if (!valuesAfter.contains(value)) {
                changes.add(new Change(Kind.ENUM_VALUE_REMOVED, path, value));
            }
        }
        for (String value : valuesAfter) {
            if (!valuesBefore.contains(value)) {
                changes.add(new Change(Kind.ENUM_VALUE_ADDED, path, value));
            }
        }
    }

    private static void keyword(String path, JsonNode before, JsonNode after, String keyword, Kind kind,
            List<Change> changes) {
        String valueBefore = text(before, keyword);
        String valueAfter = text(after, keyword);
        if (!Objects.equals(valueBefore, valueAfter)) {
            changes.add(new Change(kind, path, valueBefore + " -> " + valueAfter));
        }
    }

    /** The value types, without "null": nullability is judged by "required", not here. */
    private static Set<String> types(JsonNode schema) {
        Set<String> types = strings(schema.get("type"));
        types.remove("null");
        return types;
    }

    /** A string or an array of strings (nulls skipped), as a sorted set. */
    private static Set<String> strings(JsonNode node) {
        Set<String> values = new TreeSet<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (node.isTextual()) {
            values.add(node.textValue());
            return values;
        }
        for (JsonNode element : node) {
            if (!element.isNull()) {
                values.add(element.asText());
            }
        }
        return values;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new LinkedHashSet<>();
        Iterator<String> iterator = object.fieldNames();
        iterator.forEachRemaining(names::add);
        return names;
    }

    private static String text(JsonNode node, String keyword) {
        JsonNode value = node.get(keyword);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static boolean isFalse(JsonNode node) {
        return node != null && node.isBoolean() && !node.booleanValue();
    }
}

package io.esop.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validates a JSON document against the subset of JSON Schema the generator emits (type, format,
 * pattern, enum, properties, required, items). Enough to prove that samples, and what other mappers
 * write, match the committed schemas; not a general validator.
 */
public final class MiniSchemaValidator {

    /** Every violation, as "path: problem"; empty when valid. */
    public List<String> validate(JsonNode schema, JsonNode instance) {
        List<String> errors = new ArrayList<>();
        validate("$", schema, instance, errors);
        return errors;
    }

    private void validate(String path, JsonNode schema, JsonNode instance, List<String> errors) {
        if (!typeMatches(schema.get("type"), instance)) {
            errors.add(path + ": expected type " + schema.get("type") + ", was " + instance.getNodeType());
            return;
        }
        if (instance.isNull()) {
            return;
        }
        if (schema.has("enum")) {
            boolean member = false;
            for (JsonNode value : schema.get("enum")) {
                member |= value.equals(instance);
            }
            if (!member) {
                errors.add(path + ": " + instance + " is not one of " + schema.get("enum"));
            }
        }
        if (schema.has("format") && instance.isTextual()) {
            format(path, schema.get("format").textValue(), instance.textValue(), errors);
        }
        if (schema.has("pattern") && instance.isTextual()
                && !Pattern.compile(schema.get("pattern").textValue()).matcher(instance.textValue()).find()) {
            errors.add(path + ": '" + instance.textValue() + "' does not match " + schema.get("pattern"));
        }
        if (instance.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!instance.has(required.textValue()) || instance.get(required.textValue()).isNull()) {
                    errors.add(path + ": required property '" + required.textValue() + "' is missing");
                }
            }
            JsonNode properties = schema.path("properties");
            instance.fields().forEachRemaining(entry -> {
                if (properties.has(entry.getKey())) {
                    validate(path + "." + entry.getKey(), properties.get(entry.getKey()), entry.getValue(), errors);
                }
            });
        }
        if (instance.isArray() && schema.has("items")) {
            for (int i = 0; i < instance.size(); i++) {
                validate(path + "[" + i + "]", schema.get("items"), instance.get(i), errors);
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode instance) {
        if (type == null) {
            return true;
        }
        if (type.isTextual()) {
            return typeMatches(type.textValue(), instance);
        }
        for (JsonNode alternative : type) {
            if (typeMatches(alternative.textValue(), instance)) {
                return true;
            }
        }
        return false;
    }

    private static boolean typeMatches(String type, JsonNode instance) {
        return switch (type) {
            case "object" -> instance.isObject();
            case "array" -> instance.isArray();
            case "string" -> instance.isTextual();
            case "boolean" -> instance.isBoolean();
            case "null" -> instance.isNull();
            case "number" -> instance.isNumber();
            case "integer" -> instance.isIntegralNumber()
                    || (instance.isNumber() && instance.decimalValue().stripTrailingZeros().scale() <= 0);
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static void format(String path, String format, String value, List<String> errors) {
        try {
            switch (format) {
                case "date-time" -> OffsetDateTime.parse(value);
                case "date" -> LocalDate.parse(value);
                case "duration" -> Duration.parse(value);
                default -> throw new IllegalArgumentException("unknown format " + format);
            }
        } catch (DateTimeParseException e) {
            errors.add(path + ": '" + value + "' is not a " + format);
        }
    }
}

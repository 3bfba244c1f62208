package io.esop.order.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.esop.web.Problem.FieldError;

/**
 * Checks attribute values against a template version and fills in defaults. Errors name the attribute under
 * the prefix the caller gives ({@code items[1].attributes.bandwidthMbps}). Pure: unit-tested on its own.
 */
public final class AttributeValidator {

    private AttributeValidator() {
    }

    /** The values completed with defaults, or the errors (added to {@code errors}). */
    public static Map<String, Object> validate(List<AttributeDefinition> definitions, Map<String, Object> values,
            String prefix, boolean requireBackOffice, List<FieldError> errors) {
        Map<String, Object> given = values == null ? Map.of() : values;
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, AttributeDefinition> byName = new LinkedHashMap<>();
        definitions.forEach(d -> byName.put(d.name(), d));
        for (String name : given.keySet()) {
            if (!byName.containsKey(name)) {
                errors.add(new FieldError(prefix + name, "unknown attribute for this product"));
            }
        }
        for (AttributeDefinition definition : definitions) {
            String field = prefix + definition.name();
            Object value = given.get(definition.name());
            if (value == null) {
                value = definition.defaultValue();
            }
            if (value == null) {
                // back office completes its own required attributes before submission
                if (definition.required() && (definition.customerFacing() || requireBackOffice)) {
                    errors.add(new FieldError(field, "is required"));
                }
                continue;
            }
            String problem = check(definition, value);
            if (problem != null) {
                errors.add(new FieldError(field, problem));
            } else {
                result.put(definition.name(), normalize(definition, value));
            }
        }
        return result;
    }

    /** Why {@code value} does not fit {@code definition}, or null when it does. */
    static String check(AttributeDefinition definition, Object value) {
        switch (definition.type()) {
            case STRING -> {
                if (!(value instanceof String text)) {
                    return "must be a string";
                }
                if (definition.pattern() != null && !Pattern.compile(definition.pattern()).matcher(text).matches()) {
                    return "must match " + definition.pattern();
                }
            }
            case ENUM -> {
                if (!(value instanceof String text) || definition.allowedValues() == null
                        || !definition.allowedValues().contains(text)) {
                    return "must be one of " + definition.allowedValues();
                }
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) {
                    return "must be true or false";
                }
            }
            case INTEGER, DECIMAL -> {
                BigDecimal number = number(value);
                if (number == null) {
                    return "must be a number";
                }
                if (definition.type() == AttributeType.INTEGER && number.stripTrailingZeros().scale() > 0) {
                    return "must be a whole number";
                }
                if (definition.min() != null && number.compareTo(definition.min()) < 0
                        || definition.max() != null && number.compareTo(definition.max()) > 0) {
                    return "must be between " + plain(definition.min()) + " and " + plain(definition.max());
                }
            }
            default -> {
                return "unsupported attribute type";
            }
        }
        return null;
    }

    /** Checks a definition itself (what back office writes), naming the wrong part under {@code prefix}. */
    public static void checkDefinition(AttributeDefinition d, String prefix, List<FieldError> errors) {
        if (d.name() == null || !d.name().matches("[a-zA-Z][a-zA-Z0-9]{0,39}")) {
            errors.add(new FieldError(prefix + "name", "must be an identifier of up to 40 letters and digits"));
        }
        if (d.type() == null) {
            errors.add(new FieldError(prefix + "type", "is required"));
            return;
        }
        if (d.visibility() == null) {
            errors.add(new FieldError(prefix + "visibility", "is required"));
        }
        if (d.type() == AttributeType.ENUM && (d.allowedValues() == null || d.allowedValues().isEmpty())) {
            errors.add(new FieldError(prefix + "allowedValues", "an ENUM attribute needs its values"));
        }
        if (d.pattern() != null) {
            try {
                Pattern.compile(d.pattern());
            } catch (PatternSyntaxException e) {
                errors.add(new FieldError(prefix + "pattern", "not a regular expression: " + e.getDescription()));
            }
        }
        if (d.min() != null && d.max() != null && d.min().compareTo(d.max()) > 0) {
            errors.add(new FieldError(prefix + "min", "must not be above max"));
        }
        if (d.defaultValue() != null) {
            String problem = check(d, d.defaultValue());
            if (problem != null) {
                errors.add(new FieldError(prefix + "defaultValue", problem));
            }
        }
    }

    private static Object normalize(AttributeDefinition definition, Object value) {
        return switch (definition.type()) {
            case INTEGER -> number(value).toBigIntegerExact();
            case DECIMAL -> number(value);
            default -> value;
        };
    }

    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        return null;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "∞" : value.toPlainString();
    }
}

package io.esop.customer.common.rest;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.esop.web.InvalidInput;

/**
 * Query parameters read by hand, so that a wrong value is a 400 problem naming the parameter (JAX-RS
 * answers a failed query-parameter conversion with a bare 404).
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** The enum constant named {@code value} (case-insensitive), or null when absent. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(parameter, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /** A page size between 1 and {@code max}; {@code fallback} when absent. */
    public static int limit(String value, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInput("limit", "must be a whole number between 1 and " + max);
    }

    public static Boolean bool(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidInput(parameter, "must be true or false");
        };
    }

    /** A 6-digit administrative division code (GB/T 2260), or null when absent. */
    public static String region(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.trim().matches("^\\d{6}$")) {
            throw new InvalidInput("region", "a 6-digit administrative division code");
        }
        return value.trim();
    }
}

package io.esop.contracts;

import java.util.List;

/**
 * Argument checks used by the records' constructors, so that a payload missing a required field fails
 * when it is read (and goes to a dead-letter topic) instead of travelling on half-filled.
 */
public final class Require {

    private Require() {
    }

    /** Returns {@code value}, or throws naming the missing component. */
    public static <T> T nonNull(T value, String component) {
        if (value == null) {
            throw new NullPointerException(component + " is required");
        }
        return value;
    }

    /** An unmodifiable copy of a required list; neither the list nor its elements may be null. */
    public static <T> List<T> list(List<T> value, String component) {
        nonNull(value, component);
        for (T element : value) {
            if (element == null) {
                throw new NullPointerException(component + " must not contain null");
            }
        }
        return List.copyOf(value);
    }

    /** An unmodifiable copy of an optional list, empty when absent. */
    public static <T> List<T> listOrEmpty(List<T> value, String component) {
        return value == null ? List.of() : list(value, component);
    }

    /** Per-aggregate sequence numbers start at 1; 0 means the producer forgot to set it. */
    public static long sequence(long value, String component) {
        if (value < 1) {
            throw new IllegalArgumentException(component + " must be >= 1, was " + value);
        }
        return value;
    }

    public static long atLeast(long value, long min, String component) {
        if (value < min) {
            throw new IllegalArgumentException(component + " must be >= " + min + ", was " + value);
        }
        return value;
    }

    public static int between(int value, int min, int max, String component) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    component + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    public static double between(double value, double min, double max, String component) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(
                    component + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    public static void that(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}

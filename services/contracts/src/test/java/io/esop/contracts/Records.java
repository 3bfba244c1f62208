package io.esop.contracts;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reflection helpers for the tests: read and rebuild records component by component. */
final class Records {

    private Records() {
    }

    static Object[] values(Record record) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(record, components[i]);
        }
        return values;
    }

    static Object value(Object record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Calls the canonical constructor; exceptions it throws are rethrown unwrapped. */
    static Object construct(Class<?> type, Object[] values) throws Throwable {
        Class<?>[] parameterTypes = Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        Constructor<?> constructor = type.getDeclaredConstructor(parameterTypes);
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    static Object copyWith(Record record, int index, Object value) throws Throwable {
        Object[] values = values(record);
        values[index] = value;
        return construct(record.getClass(), values);
    }

    /** Every record instance inside {@code root} (itself included), depth first. */
    static List<Record> nested(Object root) {
        List<Record> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(Object value, List<Record> found) {
        if (value instanceof Record record) {
            found.add(record);
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                collect(value(record, component), found);
            }
        } else if (value instanceof List<?> list) {
            list.forEach(element -> collect(element, found));
        }
    }

    static boolean isOptional(RecordComponent component) {
        return component.isAnnotationPresent(Optional.class);
    }
}

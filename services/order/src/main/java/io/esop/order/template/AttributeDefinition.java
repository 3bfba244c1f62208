package io.esop.order.template;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One attribute of a product template: its type, its validation (range for numbers, pattern for
 * strings, enumeration), its default and who sees it.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttributeDefinition(
        String name,
        String label,
        AttributeType type,
        boolean required,
        BigDecimal min,
        BigDecimal max,
        String pattern,
        List<String> allowedValues,
        Object defaultValue,
        Visibility visibility) {

    public boolean customerFacing() {
        return visibility != Visibility.BACK_OFFICE;
    }
}

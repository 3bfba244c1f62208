package io.esop.order.template;

/** The value type of a template attribute. */
public enum AttributeType {
    STRING,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    /** One of {@code allowedValues}. */
    ENUM
}

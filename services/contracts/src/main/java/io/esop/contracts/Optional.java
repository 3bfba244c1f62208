package io.esop.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component that may be absent (or {@code null}) on the wire. Every component without it
 * is required: the record's constructor rejects {@code null}, and the generated JSON Schema lists it
 * under {@code required}. This annotation is the only place nullability is declared.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER})
public @interface Optional {

    /**
     * The value the record's constructor substitutes when the component is absent, written as JSON
     * text would spell it ({@code "80"}, {@code "Asia/Shanghai"}); empty when there is none. It is
     * published as the schema's {@code default}, so it must match what the constructor does.
     */
    String defaultValue() default "";
}

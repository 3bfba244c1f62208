package io.esop.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the component holding the aggregate id an event is keyed by: the Kafka record key and the
 * CloudEvents {@code ce_subject}. Exactly one component of every event record carries it, and
 * {@link EsopEvent#key()} returns its value. The generated schema names it as {@code x-esop-key}.
 * <p>
 * An event about an aggregate it does not name by one component (a signal is about a customer, named by
 * its id or, for a prospect, its credit code or phone) carries the annotation on the record instead, with
 * {@link #value()} saying how {@link EsopEvent#key()} derives the key; the schema gives those words.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.TYPE})
public @interface EventKey {

    /** On a record: how its key is derived from its components (required there, unused on a component). */
    String value() default "";
}

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
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface EventKey {
}

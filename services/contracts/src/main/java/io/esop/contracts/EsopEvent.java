package io.esop.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * What every event payload has: the aggregate id it is keyed by, and when it happened.
 * The eventing library uses these for the Kafka key, {@code ce_subject} and {@code ce_time}.
 */
public interface EsopEvent {

    /** The aggregate id (customer, opportunity, order, application, clock, ...): the Kafka key. */
    @JsonIgnore
    String key();

    /** When the change happened at its source. */
    Instant occurredAt();
}

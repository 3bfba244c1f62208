package io.esop.eventing.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A consumer's business effect in the tests: must exist once per event, however often it is delivered. */
@Entity
@Table(name = "test_applied_effect")
public class AppliedEffect extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String consumer;

    @Column(name = "event_id")
    public String eventId;

    public static AppliedEffect of(String consumer, String eventId) {
        AppliedEffect effect = new AppliedEffect();
        effect.consumer = consumer;
        effect.eventId = eventId;
        return effect;
    }
}

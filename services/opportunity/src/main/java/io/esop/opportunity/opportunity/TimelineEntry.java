package io.esop.opportunity.opportunity;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One line of an opportunity's history, for people: what happened, when, by whom. */
@Entity
@Table(name = "opportunity_timeline")
public class TimelineEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String opportunityId;
    public Long sequence;
    public String eventType;
    public Instant occurredAt;
    public String actor;
    public String summary;
}

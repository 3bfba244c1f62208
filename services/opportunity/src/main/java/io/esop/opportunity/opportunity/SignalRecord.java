package io.esop.opportunity.opportunity;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.esop.contracts.signal.SignalSource;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A signal accepted into an opportunity: the evidence a manager sees. Its id is the signal id. */
@Entity
@Table(name = "signal")
public class SignalRecord extends PanacheEntityBase {

    @Id
    public String signalId;
    public String opportunityId;
    public String outcome;
    @Enumerated(EnumType.STRING)
    public SignalSource source;
    public double strength;
    public BigDecimal estimatedMonthlyValue;
    public Instant observedAt;
    public String detail;
    public String capturedBy;
    public Instant receivedAt;
}

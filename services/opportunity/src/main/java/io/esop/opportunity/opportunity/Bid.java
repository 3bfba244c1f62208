package io.esop.opportunity.opportunity;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A customer manager's bid for an opportunity open for bidding (商机竞标); kept after the award. */
@Entity
@Table(name = "bid")
public class Bid extends PanacheEntityBase {

    @Id
    public String id;
    public String opportunityId;
    public String bidderId;
    public String plan;
    public LocalDate proposedFirstContact;
    /** The bidder's ability (win rate in the product line) when they bid: the system award's criterion. */
    public double ability;
    public Instant submittedAt;
}

package io.esop.order.directory;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** What this service knows of a customer, from esop.customers.v1 (read model, never written by the API). */
@Entity
@Table(name = "customer_ref")
public class CustomerRef extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public String customerId;

    public String name;

    public String industry;

    public String region;

    @Column(name = "value_tier")
    public String valueTier;

    public String status;

    @Column(name = "account_manager_id")
    public String accountManagerId;

    @Column(name = "team_id")
    public String teamId;

    public long version;

    @Column(name = "updated_at")
    public Instant updatedAt;
}

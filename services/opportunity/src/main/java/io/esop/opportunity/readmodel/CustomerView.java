package io.esop.opportunity.readmodel;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** What this service knows of a customer, from {@code esop.customers.v1} (read only here). */
@Entity
@Table(name = "customer_view")
public class CustomerView extends PanacheEntityBase {

    @Id
    public String customerId;
    public String name;
    public String creditCode;
    public String industry;
    public String region;
    public String valueTier;
    public String status;
    public String accountManagerId;
    public String teamId;
    public long version;
}

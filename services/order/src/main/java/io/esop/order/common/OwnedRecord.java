package io.esop.order.common;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * What applications, agreements and orders share for data scope: the customer and the people
 * responsible for it, as columns of their own table.
 */
@MappedSuperclass
public abstract class OwnedRecord extends PanacheEntityBase implements DataScope.Owned {

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "owner_id")
    public String ownerId;

    @Column(name = "account_manager_id")
    public String accountManagerId;

    @Column(name = "team_id")
    public String teamId;

    @Override
    public String ownerId() {
        return ownerId;
    }

    @Override
    public String accountManagerId() {
        return accountManagerId;
    }

    @Override
    public String teamId() {
        return teamId;
    }

    @Override
    public String customerId() {
        return customerId;
    }
}

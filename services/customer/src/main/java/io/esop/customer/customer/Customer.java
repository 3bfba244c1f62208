package io.esop.customer.customer;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.esop.contracts.Industry;
import io.esop.contracts.ValueTier;
import io.esop.contracts.customer.CustomerStatus;

/** An enterprise customer (政企客户). {@code version} grows with every change and travels in its snapshot. */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "credit_code", nullable = false, unique = true)
    public String creditCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Industry industry;

    /** 6-digit administrative division code (GB/T 2260), e.g. 310000. */
    @Column(nullable = false)
    public String region;

    @Enumerated(EnumType.STRING)
    @Column(name = "value_tier", nullable = false)
    public ValueTier valueTier;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CustomerStatus status;

    @Column(name = "account_manager_id")
    public String accountManagerId;

    @Column(name = "team_id")
    public String teamId;

    @Column(name = "credit_limit", nullable = false)
    public BigDecimal creditLimit;

    @Column(nullable = false)
    public BigDecimal arrears;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(nullable = false)
    public long version;
}

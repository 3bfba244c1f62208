package io.esop.customer.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.esop.contracts.ProductLine;

/** A product the customer holds: product line, since when, and its monthly revenue in CNY. */
@Entity
@Table(name = "holding")
public class Holding {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "product_line", nullable = false)
    public ProductLine productLine;

    @Column(nullable = false)
    public LocalDate since;

    @Column(name = "monthly_revenue", nullable = false)
    public java.math.BigDecimal monthlyRevenue = BigDecimal.ZERO;
}

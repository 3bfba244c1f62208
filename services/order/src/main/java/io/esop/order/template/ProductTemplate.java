package io.esop.order.template;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.esop.contracts.ProductLine;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One version of a product template; editing a template inserts its next version, rows never change. */
@Entity
@Table(name = "product_template")
public class ProductTemplate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    public int version;

    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "product_line")
    public ProductLine productLine;

    /** Whether an application with this product needs back office's resource pre-reservation approval. */
    @Column(name = "needs_reservation")
    public boolean needsReservation;

    public String description;

    /** The attribute definitions as JSON (a list of {@link AttributeDefinition}). */
    @Column(name = "attributes")
    public String attributesJson;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}

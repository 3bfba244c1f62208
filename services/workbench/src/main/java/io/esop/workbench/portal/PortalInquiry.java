package io.esop.workbench.portal;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An inquiry an enterprise customer sent from the portal. The row is the state change that the
 * PORTAL_INQUIRY signal reports (both are written in one transaction); it also lets the portal show the
 * customer what they asked and when.
 */
@Entity
@Table(name = "portal_inquiry")
public class PortalInquiry extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "signal_id", nullable = false)
    public String signalId;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "product_line", nullable = false)
    public String productLine;

    @Column(nullable = false)
    public String intent;

    @Column(nullable = false)
    public String detail;

    @Column(name = "estimated_monthly_value", nullable = false)
    public BigDecimal estimatedMonthlyValue;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}

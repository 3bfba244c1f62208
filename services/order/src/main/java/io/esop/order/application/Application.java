package io.esop.order.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.esop.contracts.ProductLine;
import io.esop.contracts.ValueTier;
import io.esop.order.common.OwnedRecord;

/** An application (申请单): a customer, its items and prices, on its way to approval, agreement and order. */
@Entity
@Table(name = "application")
public class Application extends OwnedRecord {

    @Id
    @Column(name = "application_no")
    public String applicationNo;

    @Column(name = "customer_name")
    public String customerName;

    @Enumerated(EnumType.STRING)
    @Column(name = "value_tier")
    public ValueTier valueTier;

    /** The product line of the first item: what SLA and reporting key on. */
    @Enumerated(EnumType.STRING)
    @Column(name = "product_line")
    public ProductLine productLine;

    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;

    @Column(name = "opportunity_id")
    public String opportunityId;

    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "owner_share_percent")
    public int ownerSharePercent;

    @Column(name = "partner_share_percent")
    public int partnerSharePercent;

    /** The items as JSON (a list of {@link ApplicationItem}). */
    @Column(name = "items")
    public String itemsJson;

    @Column(name = "list_total")
    public BigDecimal listTotal;

    @Column(name = "monthly_value")
    public BigDecimal monthlyValue;

    /** The highest discount asked for on any item: what the approval chain decides on. */
    @Column(name = "max_discount_percent")
    public BigDecimal maxDiscountPercent;

    @Column(name = "requested_completion_date")
    public LocalDate requestedCompletionDate;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    /** Incremented on every submission; approvals belong to one round. */
    @Column(name = "approval_round")
    public int approvalRound;

    /** The sequence of the last approval event published for this application. */
    @Column(name = "event_sequence")
    public long eventSequence;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    // serializes concurrent writers of one application (and so the order of its events in the outbox)
    @Version
    @Column(name = "lock_version")
    public long lockVersion;

    public void moveTo(ApplicationStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("application " + applicationNo + " cannot go from " + status + " to " + next);
        }
        status = next;
        updatedAt = Instant.now();
    }

    public long nextSequence() {
        return ++eventSequence;
    }
}

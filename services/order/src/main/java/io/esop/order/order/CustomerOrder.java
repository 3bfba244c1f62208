package io.esop.order.order;

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
import io.esop.contracts.order.OrderState;
import io.esop.order.common.OwnedRecord;

/** An order (订单), created when its agreement is signed; follows the TMF622 states. */
@Entity
@Table(name = "customer_order")
public class CustomerOrder extends OwnedRecord {

    @Id
    @Column(name = "order_id")
    public String orderId;

    @Column(name = "application_no")
    public String applicationNo;

    @Column(name = "agreement_no")
    public String agreementNo;

    @Column(name = "opportunity_id")
    public String opportunityId;

    @Enumerated(EnumType.STRING)
    @Column(name = "product_line")
    public ProductLine productLine;

    @Enumerated(EnumType.STRING)
    @Column(name = "value_tier")
    public ValueTier valueTier;

    @Column(name = "monthly_value")
    public BigDecimal monthlyValue;

    @Enumerated(EnumType.STRING)
    public OrderState state;

    @Column(name = "state_reason")
    public String stateReason;

    /** The sequence of the last event published for this order (esop.orders.v1). */
    @Column(name = "event_sequence")
    public long eventSequence;

    /** The highest fulfilment sequence that drove the state; a report at or below it only joins the timeline. */
    @Column(name = "last_applied_sequence")
    public long lastAppliedSequence;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "requested_completion_date")
    public LocalDate requestedCompletionDate;

    @Column(name = "billing_start_date")
    public LocalDate billingStartDate;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Version
    @Column(name = "lock_version")
    public long lockVersion;

    public long nextSequence() {
        return ++eventSequence;
    }
}

package io.esop.sla.policy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One version of an SLA policy; never updated once written, except for the {@code published} mark of seeds. */
@Entity
@Table(name = "sla_policy_version")
public class PolicyVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "policy_id", nullable = false)
    public String policyId;

    @Column(nullable = false)
    public int version;

    @Column(name = "value_tier", nullable = false)
    public String valueTier;

    @Column(name = "product_line", nullable = false)
    public String productLine;

    @Column(name = "clock_type", nullable = false)
    public String clockType;

    public String milestone;

    @Column(name = "approval_kind")
    public String approvalKind;

    @Column(name = "target_seconds", nullable = false)
    public long targetSeconds;

    @Column(name = "warning_threshold_percent", nullable = false)
    public int warningThresholdPercent;

    @Column(name = "escalations_json", nullable = false)
    public String escalationsJson;

    @Column(name = "calendar_json", nullable = false)
    public String calendarJson;

    @Column(name = "effective_from", nullable = false)
    public Instant effectiveFrom;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(nullable = false)
    public boolean retired;

    @Column(nullable = false)
    public boolean published;
}

package io.esop.sla.alert;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One alert of the history, as it arrived on esop.sla-alerts.v1, plus its acknowledgement. */
@Entity
@Table(name = "sla_alert")
public class AlertRecord extends PanacheEntityBase {

    @Id
    @Column(name = "alert_id")
    public String alertId;

    @Column(name = "clock_id", nullable = false)
    public String clockId;

    @Column(name = "clock_type", nullable = false)
    public String clockType;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public int level;

    @Column(name = "subject_type", nullable = false)
    public String subjectType;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    public String milestone;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "responsible_user_id", nullable = false)
    public String responsibleUserId;

    @Column(name = "team_id")
    public String teamId;

    @Column(name = "notify_role")
    public String notifyRole;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "fired_at", nullable = false)
    public Instant firedAt;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "policy_id", nullable = false)
    public String policyId;

    @Column(name = "policy_version", nullable = false)
    public int policyVersion;

    @Column(name = "value_tier")
    public String valueTier;

    @Column(name = "product_line")
    public String productLine;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
}

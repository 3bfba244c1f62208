package io.esop.order.application;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.esop.contracts.StaffRole;
import io.esop.contracts.order.ApprovalKind;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One approval step of one submission round of an application. */
@Entity
@Table(name = "approval")
public class Approval extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "application_no")
    public String applicationNo;

    public int round;

    /** Position in the price chain (1, 2, …); resource pre-reservation runs beside it as step 0. */
    public int step;

    @Enumerated(EnumType.STRING)
    public ApprovalKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "approver_role")
    public StaffRole approverRole;

    /** The director asked, when the read model knows the team's director. */
    @Column(name = "approver_id")
    public String approverId;

    /** The application's team: a director decides only for their own team. */
    @Column(name = "team_id")
    public String teamId;

    @Enumerated(EnumType.STRING)
    public ApprovalStatus status;

    @Column(name = "discount_percent")
    public BigDecimal discountPercent;

    @Column(name = "decided_by")
    public String decidedBy;

    public String comment;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** The id as the API and events show it. */
    public String approvalId() {
        return "APV-" + id;
    }
}

package io.esop.contracts.sla;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonFormat;
import io.esop.contracts.EsopEvent;
import io.esop.contracts.EventKey;
import io.esop.contracts.Optional;
import io.esop.contracts.ProductLine;
import io.esop.contracts.Require;
import io.esop.contracts.StaffRole;
import io.esop.contracts.ValueTier;
import io.esop.contracts.order.Milestone;
import java.time.Duration;
import java.time.Instant;

/** A warning, breach, escalation or closing note about one SLA clock. */
@JsonClassDescription("A warning (预警), breach (告警) or escalation (升级) of one SLA clock, or the note that it "
        + "was met or cancelled. Keyed by the clock; alertId is unique per clock, kind and level, so a "
        + "re-fired alert can be recognised.")
public record SlaAlert(
        @JsonPropertyDescription("Deterministic id: the same clock, kind and level always give the same alertId.")
        String alertId,
        @EventKey String clockId,
        ClockType clockType,
        AlertKind kind,
        @JsonPropertyDescription("Escalation level for ESCALATED (from 1); 0 otherwise.")
        int level,
        SlaSubjectType subjectType,
        @JsonPropertyDescription("Id of the opportunity, approval or order the clock runs for.")
        String subjectId,
        @JsonPropertyDescription("For ORDER_MILESTONE clocks: the milestone.")
        @Optional Milestone milestone,
        @JsonPropertyDescription("The customer; absent for an opportunity about a prospect.")
        @Optional String customerId,
        @JsonPropertyDescription("Staff id of who must act: the opportunity or order owner, or the approver.")
        String responsibleUserId,
        @JsonPropertyDescription("For ESCALATED: the role to notify (the responsible user's director, ...).")
        @Optional StaffRole notifyRole,
        @JsonPropertyDescription("When the threshold this alert is about fell due (the target itself for MET).")
        Instant dueAt,
        @JsonPropertyDescription("When the SLA engine fired the alert.")
        Instant firedAt,
        String policyId,
        int policyVersion,
        @JsonPropertyDescription("When the alert's event happened: firedAt, or when the clock stopped for MET and "
                + "CANCELLED.")
        Instant occurredAt,
        @JsonPropertyDescription("The responsible user's team, when the event that started the clock named it.")
        @Optional String teamId,
        @JsonPropertyDescription("The customer's value tier the clock's policy was chosen by.")
        @Optional ValueTier valueTier,
        @JsonPropertyDescription("The product line the clock's policy was chosen by.")
        @Optional ProductLine productLine,
        @JsonPropertyDescription("For MET: how late the clock stopped after its target's due time, ISO-8601 "
                + "duration; PT0S when it was met in time. Absent for the other kinds.")
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Optional Duration lateness) implements EsopEvent {

    public SlaAlert {
        Require.nonNull(alertId, "alertId");
        Require.nonNull(clockId, "clockId");
        Require.nonNull(clockType, "clockType");
        Require.nonNull(kind, "kind");
        Require.atLeast(level, kind == AlertKind.ESCALATED ? 1 : 0, "level");
        Require.nonNull(subjectType, "subjectType");
        Require.nonNull(subjectId, "subjectId");
        Require.nonNull(responsibleUserId, "responsibleUserId");
        Require.nonNull(dueAt, "dueAt");
        Require.nonNull(firedAt, "firedAt");
        Require.nonNull(policyId, "policyId");
        Require.atLeast(policyVersion, 1, "policyVersion");
        Require.nonNull(occurredAt, "occurredAt");
    }

    /** An alert without the optional context (team, tier, product line, lateness) added in a later version. */
    public SlaAlert(String alertId, String clockId, ClockType clockType, AlertKind kind, int level,
            SlaSubjectType subjectType, String subjectId, Milestone milestone, String customerId,
            String responsibleUserId, StaffRole notifyRole, Instant dueAt, Instant firedAt, String policyId,
            int policyVersion, Instant occurredAt) {
        this(alertId, clockId, clockType, kind, level, subjectType, subjectId, milestone, customerId,
                responsibleUserId, notifyRole, dueAt, firedAt, policyId, policyVersion, occurredAt, null, null, null,
                null);
    }

    /** True for a MET that stopped after its due time. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean late() {
        return lateness != null && !lateness.isZero() && !lateness.isNegative();
    }

    @Override
    public String key() {
        return clockId;
    }
}

package io.esop.sla.alert.rest;

import java.time.Instant;

import io.esop.sla.alert.AlertRecord;
import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record AlertView(String alertId, String clockId, String clockType, String kind, int level,
        String subjectType, String subjectId, String milestone, String customerId, String responsibleUserId,
        String teamId, String notifyRole, Instant dueAt, Instant firedAt, Instant occurredAt, String policyId,
        int policyVersion, Instant acknowledgedAt, String acknowledgedBy) {

    public static AlertView of(AlertRecord r) {
        return new AlertView(r.alertId, r.clockId, r.clockType, r.kind, r.level, r.subjectType, r.subjectId,
                r.milestone, r.customerId, r.responsibleUserId, r.teamId, r.notifyRole, r.dueAt, r.firedAt,
                r.occurredAt, r.policyId, r.policyVersion, r.acknowledgedAt, r.acknowledgedBy);
    }
}

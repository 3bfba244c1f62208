package io.esop.sla.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;

import io.esop.contracts.ProductLine;
import io.esop.contracts.ValueTier;
import io.esop.contracts.order.Milestone;
import io.esop.contracts.sla.AlertKind;
import io.esop.contracts.sla.ClockType;
import io.esop.contracts.sla.EscalationStep;
import io.esop.contracts.sla.SlaAlert;
import io.esop.contracts.sla.SlaPolicy;
import io.esop.contracts.sla.SlaSubjectType;
import io.esop.sla.calendar.BusinessTime;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One SLA clock, as kept in the {@code sla-clocks} state store. The policy it started with is copied in whole,
 * so a later policy version never changes a running clock. {@code emitted} records every (kind, level) already
 * sent, in the same exactly-once transaction as the alert itself: a restart restores it from the changelog and
 * never sends an alert twice.
 *
 * <p>Time spent is {@code spent} (closed running segments) plus, while running, the calendar time since
 * {@code segmentStart}.
 */
@RegisterForReflection
public record ClockState(
        String clockId,
        ClockType clockType,
        SlaSubjectType subjectType,
        String subjectId,
        Milestone milestone,
        String customerId,
        String responsibleUserId,
        ValueTier valueTier,
        ProductLine productLine,
        SlaPolicy policy,
        Instant startedAt,
        ClockStatus status,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration spent,
        Instant segmentStart,
        Instant stoppedAt,
        Set<String> emitted,
        String indexKey) {

    public ClockState {
        emitted = emitted == null ? Set.of() : Set.copyOf(emitted);
        spent = spent == null ? Duration.ZERO : spent;
    }

    public static ClockState start(String clockId, ClockType type, SlaSubjectType subjectType, String subjectId,
            Milestone milestone, String customerId, String responsibleUserId, ValueTier tier, ProductLine line,
            SlaPolicy policy, Instant startedAt, boolean paused) {
        return new ClockState(clockId, type, subjectType, subjectId, milestone, customerId, responsibleUserId, tier,
                line, policy, startedAt, paused ? ClockStatus.PAUSED : ClockStatus.RUNNING, Duration.ZERO,
                paused ? null : startedAt, null, Set.of(), null);
    }

    @JsonIgnore
    public BusinessTime time() {
        return BusinessTime.of(policy.calendar());
    }

    /** Warning, breach and every escalation step, in firing order. */
    @JsonIgnore
    public List<Threshold> thresholds() {
        Duration target = policy.target();
        List<Threshold> list = new ArrayList<>();
        list.add(new Threshold(AlertKind.WARNING, 0,
                Duration.ofMillis(target.toMillis() * policy.warningThresholdPercent() / 100), null));
        list.add(new Threshold(AlertKind.BREACHED, 0, target, null));
        for (EscalationStep step : policy.escalations()) {
            list.add(new Threshold(AlertKind.ESCALATED, step.level(), target.plus(step.after()), step.notifyRole()));
        }
        return list;
    }

    /** Calendar time spent up to {@code now}. */
    public Duration spentAt(Instant now) {
        if (status != ClockStatus.RUNNING) {
            return spent;
        }
        return spent.plus(time().elapsed(segmentStart, now));
    }

    /**
     * When {@code offset} of calendar time will have been spent, if the clock runs on from its current segment
     * (for a paused clock: as if it resumed at {@code now}).
     */
    public Instant dueOf(Duration offset, Instant now) {
        Instant from = status == ClockStatus.RUNNING ? segmentStart : now;
        Duration left = offset.minus(spent);
        return left.isNegative() || left.isZero() ? from : time().dueAt(from, left);
    }

    /** The target's due time. */
    public Instant targetDueAt(Instant now) {
        return dueOf(policy.target(), now);
    }

    /** The next threshold not yet emitted, if the clock is running. */
    @JsonIgnore
    public java.util.Optional<Threshold> nextThreshold() {
        if (status != ClockStatus.RUNNING) {
            return java.util.Optional.empty();
        }
        return thresholds().stream().filter(t -> !emitted.contains(t.slot())).findFirst();
    }

    public ClockState withStatus(ClockStatus target, Instant at) {
        if (!status.canMoveTo(target)) {
            throw new IllegalStateException("clock " + clockId + " cannot move from " + status + " to " + target);
        }
        Duration newSpent = spentAt(at);
        return switch (target) {
            case RUNNING -> copy(target, spent, at, null, emitted, indexKey);
            case PAUSED -> copy(target, newSpent, null, null, emitted, indexKey);
            case STOPPED, CANCELLED -> copy(target, newSpent, null, at, emitted, indexKey);
        };
    }

    public ClockState withEmitted(Threshold threshold) {
        Set<String> set = new LinkedHashSet<>(emitted);
        set.add(threshold.slot());
        return copy(status, spent, segmentStart, stoppedAt, set, indexKey);
    }

    public ClockState withIndexKey(String key) {
        return copy(status, spent, segmentStart, stoppedAt, emitted, key);
    }

    public ClockState withResponsible(String userId) {
        return new ClockState(clockId, clockType, subjectType, subjectId, milestone, customerId, userId, valueTier,
                productLine, policy, startedAt, status, spent, segmentStart, stoppedAt, emitted, indexKey);
    }

    private ClockState copy(ClockStatus newStatus, Duration newSpent, Instant newSegmentStart, Instant newStoppedAt,
            Set<String> newEmitted, String newIndexKey) {
        return new ClockState(clockId, clockType, subjectType, subjectId, milestone, customerId, responsibleUserId,
                valueTier, productLine, policy, startedAt, newStatus, newSpent, newSegmentStart, newStoppedAt,
                newEmitted, newIndexKey);
    }

    /** The alert for a threshold that fell due at {@code dueAt}, fired at {@code firedAt}. */
    public SlaAlert alert(Threshold threshold, Instant dueAt, Instant firedAt) {
        return alert(threshold.kind(), threshold.level(), threshold.notifyRole(), dueAt, firedAt, firedAt);
    }

    /** The closing note (MET or CANCELLED) when the clock stopped at {@code stoppedAt}. */
    public SlaAlert closing(AlertKind kind, Instant dueAt, Instant stoppedAt, Instant firedAt) {
        return alert(kind, 0, null, dueAt, firedAt, stoppedAt);
    }

    private SlaAlert alert(AlertKind kind, int level, io.esop.contracts.StaffRole notifyRole, Instant dueAt,
            Instant firedAt, Instant occurredAt) {
        return new SlaAlert(alertId(clockId, kind, level), clockId, clockType, kind, level, subjectType, subjectId,
                milestone, customerId, responsibleUserId, notifyRole, dueAt, firedAt, policy.policyId(),
                policy.version(), occurredAt);
    }

    public static String alertId(String clockId, AlertKind kind, int level) {
        return clockId + ":" + kind + ":" + level;
    }
}

package io.esop.sla.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import io.esop.contracts.ProductLine;
import io.esop.contracts.StaffRole;
import io.esop.contracts.ValueTier;
import io.esop.contracts.order.Milestone;
import io.esop.contracts.sla.AlertKind;
import io.esop.contracts.sla.ClockType;
import io.esop.contracts.sla.SlaAlert;
import io.esop.contracts.sla.SlaPolicy;
import io.esop.contracts.sla.SlaSubjectType;

/**
 * One SLA clock, as kept in the {@code sla-clock-states} store (binary, {@code ClockStateSerde}). It names the
 * policy version it started with; the version itself is kept once per task ({@code sla-policy-versions}), so a
 * later policy version never changes a running clock. {@code emitted} records every (kind, level) already sent, in
 * the same exactly-once transaction as the alert itself: a restart restores it from the changelog and never sends
 * an alert twice.
 *
 * <p>Time spent is {@code spent} (closed running segments) plus, while running, the calendar time since
 * {@code segmentStart}. Methods that count time take the clock's {@link ClockTerms}.
 */
public record ClockState(
        String clockId,
        ClockType clockType,
        SlaSubjectType subjectType,
        String subjectId,
        Milestone milestone,
        String customerId,
        String responsibleUserId,
        String teamId,
        ValueTier valueTier,
        ProductLine productLine,
        String policyId,
        int policyVersion,
        Instant startedAt,
        ClockStatus status,
        Duration spent,
        Instant segmentStart,
        Instant stoppedAt,
        Set<String> emitted,
        String indexKey) {

    public ClockState {
        emitted = emitted == null ? Set.of() : Set.copyOf(emitted);
        spent = spent == null ? Duration.ZERO : spent;
    }

    public static ClockState start(String clockId, ClockType type, SlaSubjectType subjectType, String subjectId,
            Milestone milestone, String customerId, String responsibleUserId, String teamId, ValueTier tier,
            ProductLine line, SlaPolicy policy, Instant startedAt, boolean paused) {
        return new ClockState(clockId, type, subjectType, subjectId, milestone, customerId, responsibleUserId, teamId,
                tier, line, policy.policyId(), policy.version(), startedAt,
                paused ? ClockStatus.PAUSED : ClockStatus.RUNNING, Duration.ZERO, paused ? null : startedAt, null,
                Set.of(), null);
    }

    /** The key of the policy version this clock runs by (see {@link ClockTerms#versionKey}). */
    public String policyKey() {
        return ClockTerms.versionKey(policyId, policyVersion);
    }

    /** Calendar time spent up to {@code now}. */
    public Duration spentAt(ClockTerms terms, Instant now) {
        if (status != ClockStatus.RUNNING) {
            return spent;
        }
        return spent.plus(terms.time().elapsed(segmentStart, now));
    }

    /**
     * When {@code offset} of calendar time will have been spent, if the clock runs on from its current segment
     * (for a paused clock: as if it resumed at {@code now}).
     */
    public Instant dueOf(ClockTerms terms, Duration offset, Instant now) {
        Instant from = status == ClockStatus.RUNNING ? segmentStart : now;
        Duration left = offset.minus(spent);
        return left.isNegative() || left.isZero() ? from : terms.time().dueAt(from, left);
    }

    /** The target's due time. */
    public Instant targetDueAt(ClockTerms terms, Instant now) {
        return dueOf(terms, terms.target(), now);
    }

    /** The next threshold not yet emitted, if the clock is running. */
    public Optional<Threshold> nextThreshold(ClockTerms terms) {
        if (status != ClockStatus.RUNNING) {
            return Optional.empty();
        }
        for (Threshold threshold : terms.thresholds()) {
            if (!emitted.contains(threshold.slot())) {
                return Optional.of(threshold);
            }
        }
        return Optional.empty();
    }

    public ClockState withStatus(ClockTerms terms, ClockStatus target, Instant at) {
        if (!status.canMoveTo(target)) {
            throw new IllegalStateException("clock " + clockId + " cannot move from " + status + " to " + target);
        }
        Duration newSpent = spentAt(terms, at);
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

    /** Re-assigned: same clock and time, new owner (and their team, when the event names it). */
    public ClockState withResponsible(String userId, String newTeamId) {
        return new ClockState(clockId, clockType, subjectType, subjectId, milestone, customerId, userId,
                newTeamId != null ? newTeamId : teamId, valueTier, productLine, policyId, policyVersion, startedAt,
                status, spent, segmentStart, stoppedAt, emitted, indexKey);
    }

    private ClockState copy(ClockStatus newStatus, Duration newSpent, Instant newSegmentStart, Instant newStoppedAt,
            Set<String> newEmitted, String newIndexKey) {
        return new ClockState(clockId, clockType, subjectType, subjectId, milestone, customerId, responsibleUserId,
                teamId, valueTier, productLine, policyId, policyVersion, startedAt, newStatus, newSpent,
                newSegmentStart, newStoppedAt, newEmitted, newIndexKey);
    }

    /** The alert for a threshold that fell due at {@code dueAt}, fired at {@code firedAt}. */
    public SlaAlert alert(Threshold threshold, Instant dueAt, Instant firedAt) {
        return alert(threshold.kind(), threshold.level(), threshold.notifyRole(), dueAt, firedAt, firedAt, null);
    }

    /**
     * The closing note (MET or CANCELLED) when the clock stopped at {@code stoppedAt}; a MET says how late it was
     * (zero when on time).
     */
    public SlaAlert closing(AlertKind kind, Instant dueAt, Instant stoppedAt, Instant firedAt) {
        Duration lateness = null;
        if (kind == AlertKind.MET) {
            lateness = stoppedAt.isAfter(dueAt) ? Duration.between(dueAt, stoppedAt) : Duration.ZERO;
        }
        return alert(kind, 0, null, dueAt, firedAt, stoppedAt, lateness);
    }

    private SlaAlert alert(AlertKind kind, int level, StaffRole notifyRole, Instant dueAt, Instant firedAt,
            Instant occurredAt, Duration lateness) {
        return new SlaAlert(alertId(clockId, kind, level), clockId, clockType, kind, level, subjectType, subjectId,
                milestone, customerId, responsibleUserId, notifyRole, dueAt, firedAt, policyId, policyVersion,
                occurredAt, teamId, valueTier, productLine, lateness);
    }

    public static String alertId(String clockId, AlertKind kind, int level) {
        return clockId + ":" + kind + ":" + level;
    }
}

package io.esop.sla.clock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.esop.contracts.sla.AlertKind;
import io.esop.contracts.sla.EscalationStep;
import io.esop.contracts.sla.SlaPolicy;
import io.esop.sla.calendar.BusinessTime;

/**
 * The terms a clock runs by: one policy version, with its thresholds and calendar worked out once. Clocks refer
 * to their policy by id and version; the engine keeps one {@code ClockTerms} per version instead of a copy of the
 * policy in every clock.
 */
public final class ClockTerms {

    private final SlaPolicy policy;
    private final List<Threshold> thresholds;
    private final BusinessTime time;

    private ClockTerms(SlaPolicy policy) {
        this.policy = policy;
        this.time = BusinessTime.of(policy.calendar());
        Duration target = policy.target();
        List<Threshold> list = new ArrayList<>();
        list.add(new Threshold(AlertKind.WARNING, 0,
                Duration.ofMillis(target.toMillis() * policy.warningThresholdPercent() / 100), null));
        list.add(new Threshold(AlertKind.BREACHED, 0, target, null));
        for (EscalationStep step : policy.escalations()) {
            list.add(new Threshold(AlertKind.ESCALATED, step.level(), target.plus(step.after()), step.notifyRole()));
        }
        this.thresholds = List.copyOf(list);
    }

    public static ClockTerms of(SlaPolicy policy) {
        return new ClockTerms(policy);
    }

    /** The key a policy version is kept under: {@code <policyId>:<version>}. */
    public static String versionKey(String policyId, int version) {
        return policyId + ":" + version;
    }

    public String versionKey() {
        return versionKey(policy.policyId(), policy.version());
    }

    public SlaPolicy policy() {
        return policy;
    }

    public Duration target() {
        return policy.target();
    }

    /** Warning, breach and every escalation step, in firing order. */
    public List<Threshold> thresholds() {
        return thresholds;
    }

    public BusinessTime time() {
        return time;
    }
}

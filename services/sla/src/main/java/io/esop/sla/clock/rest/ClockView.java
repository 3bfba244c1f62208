package io.esop.sla.clock.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.esop.contracts.ProductLine;
import io.esop.contracts.ValueTier;
import io.esop.contracts.order.Milestone;
import io.esop.contracts.sla.ClockType;
import io.esop.contracts.sla.SlaSubjectType;
import io.esop.sla.clock.ClockState;
import io.esop.sla.clock.ClockTerms;
import io.esop.sla.clock.ClockStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A clock as the API shows it. {@code remaining} is the calendar time left to the target (negative once
 * breached); {@code dueAt} is when the target falls due if the clock keeps running (for a paused clock: if it
 * resumed now); both are null once the clock stopped.
 */
@RegisterForReflection
public record ClockView(String clockId, ClockType clockType, SlaSubjectType subjectType, String subjectId,
        Milestone milestone, String customerId, String responsibleUserId, ValueTier valueTier,
        ProductLine productLine, ClockStatus status, String policyId, int policyVersion,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration target,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration spent,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration remaining,
        Instant startedAt, Instant dueAt, Instant stoppedAt, Set<String> alertsSent) {

    public static ClockView of(ClockState c, ClockTerms terms, Instant now) {
        Duration spent = c.spentAt(terms, now);
        boolean open = !c.status().isFinal();
        return new ClockView(c.clockId(), c.clockType(), c.subjectType(), c.subjectId(), c.milestone(),
                c.customerId(), c.responsibleUserId(), c.valueTier(), c.productLine(), c.status(), c.policyId(),
                c.policyVersion(), terms.target(), spent, open ? terms.target().minus(spent) : null, c.startedAt(),
                open ? c.targetDueAt(terms, now) : null, c.stoppedAt(), c.emitted());
    }
}

package io.esop.order.application.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.esop.contracts.order.ApprovalDecision;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** An approver's decision; a rejection needs a comment (the reason the manager gets back). */
@RegisterForReflection
public record DecisionRequest(@NotNull ApprovalDecision decision, @Size(max = 2000) String comment) {
}

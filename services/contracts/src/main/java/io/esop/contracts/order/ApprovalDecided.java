package io.esop.contracts.order;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.esop.contracts.EsopEvent;
import io.esop.contracts.EventKey;
import io.esop.contracts.Optional;
import io.esop.contracts.Require;
import java.time.Instant;

/** An approval was decided; stops the approval-decision SLA clock. */
@JsonClassDescription("An approval was decided. Keyed by the application number. Stops the approval-decision SLA "
        + "clock.")
public record ApprovalDecided(
        String approvalId,
        @EventKey String applicationNo,
        long sequence,
        ApprovalKind kind,
        ApprovalDecision decision,
        @JsonPropertyDescription("Staff id of who decided.")
        String decidedBy,
        @Optional String comment,
        String customerId,
        Instant occurredAt) implements EsopEvent {

    public ApprovalDecided {
        Require.nonNull(approvalId, "approvalId");
        Require.nonNull(applicationNo, "applicationNo");
        Require.sequence(sequence, "sequence");
        Require.nonNull(kind, "kind");
        Require.nonNull(decision, "decision");
        Require.nonNull(decidedBy, "decidedBy");
        Require.nonNull(customerId, "customerId");
        Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public String key() {
        return applicationNo;
    }
}

package io.esop.order.order.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.esop.contracts.ProductLine;
import io.esop.contracts.ValueTier;
import io.esop.contracts.order.OrderState;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** An order with its fulfilment timeline (ordered by the fulfilment system's sequence). */
@RegisterForReflection
public record OrderView(
        String orderId,
        String applicationNo,
        String agreementNo,
        String opportunityId,
        String customerId,
        String ownerId,
        String teamId,
        ProductLine productLine,
        ValueTier valueTier,
        BigDecimal monthlyValue,
        OrderState state,
        String stateReason,
        LocalDate requestedCompletionDate,
        LocalDate billingStartDate,
        String submittedBy,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt,
        List<TimelineEntry> timeline) {
}

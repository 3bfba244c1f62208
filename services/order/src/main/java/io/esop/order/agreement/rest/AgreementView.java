package io.esop.order.agreement.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.esop.contracts.opportunity.CreditSplit;
import io.esop.order.agreement.AgreementStatus;
import io.esop.order.application.ApplicationItem;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** An agreement with its customer-facing terms: items, prices, discount, and the managers' credit split. */
@RegisterForReflection
public record AgreementView(
        String agreementNo,
        String applicationNo,
        AgreementStatus status,
        String customerId,
        String customerName,
        String ownerId,
        CreditSplit creditSplit,
        List<ApplicationItem> items,
        BigDecimal listTotal,
        BigDecimal monthlyValue,
        BigDecimal maxDiscountPercent,
        LocalDate requestedCompletionDate,
        List<String> terms,
        Instant issuedAt,
        String signedBy,
        Instant signedAt,
        String orderId) {
}

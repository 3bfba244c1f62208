package io.esop.order.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.esop.contracts.ProductLine;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One line of an application: the product as of the template version it was made with, its validated
 * attribute values (defaults filled), which of them only back office sees, and its price.
 *
 * @param listPrice       monthly list price per unit, CNY
 * @param discountPercent requested discount off the list price
 * @param monthlyAmount   quantity × list price × (1 − discount), CNY
 */
@RegisterForReflection
public record ApplicationItem(
        String productCode,
        int templateVersion,
        String productName,
        ProductLine productLine,
        boolean needsResourceReservation,
        int quantity,
        Map<String, Object> attributes,
        List<String> backOfficeAttributes,
        BigDecimal listPrice,
        BigDecimal discountPercent,
        BigDecimal monthlyAmount) {
}

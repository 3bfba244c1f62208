package io.esop.workbench.portal;

import io.esop.contracts.ProductLine;
import io.esop.contracts.signal.Intent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The portal's inquiry form as typed, and what is wrong with it (message keys, one per field). */
public record InquiryForm(String productLine, String intent, String detail, String estimatedMonthlyValue) {

    public static final int MAX_DETAIL = 2000;

    public static InquiryForm empty() {
        return new InquiryForm(ProductLine.DEDICATED_LINE.name(), Intent.NEW.name(), "", "");
    }

    /** Field name → message key; empty when the form is valid. */
    public List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        if (!names(ProductLine.values()).contains(productLine)) {
            errors.add(new FieldError("productLine", "inquiry_product"));
        }
        if (!names(Intent.values()).contains(intent)) {
            errors.add(new FieldError("intent", "inquiry_intent"));
        }
        if (detail == null || detail.isBlank() || detail.length() > MAX_DETAIL) {
            errors.add(new FieldError("detail", "inquiry_detail_required"));
        }
        if (value() == null) {
            errors.add(new FieldError("estimatedMonthlyValue", "inquiry_value_invalid"));
        }
        return errors;
    }

    public boolean hasError(String field) {
        return errors().stream().anyMatch(e -> e.field().equals(field));
    }

    /** The expected monthly value; 0 when left empty, null when not a non-negative amount. */
    public BigDecimal value() {
        if (estimatedMonthlyValue == null || estimatedMonthlyValue.isBlank()) {
            return BigDecimal.ZERO;
        }
        try {
            BigDecimal value = new BigDecimal(estimatedMonthlyValue.strip());
            return value.signum() < 0 || value.scale() > 2 || value.precision() > 14 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public record FieldError(String field, String messageKey) {
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}

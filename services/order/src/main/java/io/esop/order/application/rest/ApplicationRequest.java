package io.esop.order.application.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An application as the manager writes it; {@code customerId} only matters on creation. */
@RegisterForReflection
public record ApplicationRequest(
        @Size(max = 64) String customerId,
        LocalDate requestedCompletionDate,
        @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull Item> items) {

    @RegisterForReflection
    public record Item(
            @NotBlank @Size(max = 40) String productCode,
            @Min(1) Integer templateVersion,
            @NotNull @Min(1) @Max(1_000_000) Integer quantity,
            Map<String, Object> attributes,
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal listPrice,
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountPercent) {
    }
}

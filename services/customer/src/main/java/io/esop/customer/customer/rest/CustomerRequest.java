package io.esop.customer.customer.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.esop.contracts.Industry;
import io.esop.contracts.ProductLine;
import io.esop.contracts.ValueTier;
import io.esop.contracts.customer.CustomerStatus;
import io.esop.customer.customer.CreditCode;

/**
 * Create or edit a customer. On edit, {@code contacts} and {@code holdings} replace the current ones when
 * present and are kept when absent.
 */
public record CustomerRequest(
        @Pattern(regexp = "^[a-z0-9][a-z0-9-]{2,63}$", message = "lower-case letters, digits and '-', 3 to 64 characters")
        String id,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @CreditCode String creditCode,
        @NotNull Industry industry,
        @NotNull @Pattern(regexp = "^\\d{6}$", message = "a 6-digit administrative division code") String region,
        @NotNull ValueTier valueTier,
        CustomerStatus status,
        @Size(max = 64) String accountManagerId,
        @Size(max = 64) String teamId,
        @PositiveOrZero BigDecimal creditLimit,
        @PositiveOrZero BigDecimal arrears,
        @Size(max = 50) List<@Valid @NotNull ContactInput> contacts,
        @Size(max = 100) List<@Valid @NotNull HoldingInput> holdings) {

    public record ContactInput(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 100) String role,
            @Pattern(regexp = "^\\+?[0-9 -]{5,20}$", message = "a phone number") String phone,
            @Email String email,
            @PastOrPresent LocalDate birthday) {
    }

    public record HoldingInput(
            @NotNull ProductLine productLine,
            @NotNull @PastOrPresent LocalDate since,
            @PositiveOrZero BigDecimal monthlyRevenue) {
    }
}

package io.esop.customer.staff.rest;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.esop.contracts.Industry;
import io.esop.contracts.ProductLine;
import io.esop.contracts.StaffRole;

/** Create or replace a staff member; {@code active} defaults to true. */
public record StaffRequest(
        @NotBlank @Size(max = 100) String displayName,
        @NotNull StaffRole role,
        @NotNull @Pattern(regexp = "^\\d{6}$", message = "a 6-digit administrative division code") String region,
        List<@NotNull Industry> industries,
        List<@NotNull ProductLine> skills,
        @NotBlank @Size(max = 64) String teamId,
        @Size(max = 64) String directorId,
        @PositiveOrZero @Max(10_000) int capacity,
        Boolean active) {
}

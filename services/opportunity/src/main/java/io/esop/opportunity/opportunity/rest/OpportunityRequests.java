package io.esop.opportunity.opportunity.rest;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.esop.contracts.Industry;
import io.esop.contracts.ProductLine;
import io.esop.contracts.opportunity.OpportunityStage;
import io.esop.contracts.signal.Intent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Request bodies, validated with Bean Validation before any rule runs. */
public final class OpportunityRequests {

    private OpportunityRequests() {
    }

    @RegisterForReflection
    public record StageChange(@NotNull OpportunityStage stage, @Size(max = 2000) String reason) {
    }

    @RegisterForReflection
    public record BidRequest(@NotBlank @Size(max = 4000) String plan, @NotNull LocalDate proposedFirstContact) {
    }

    @RegisterForReflection
    public record AwardRequest(@NotBlank String bidderId, @Size(max = 2000) String reason) {
    }

    @RegisterForReflection
    public record AssignRequest(@NotBlank String ownerId, @Size(max = 2000) String reason) {
    }

    @RegisterForReflection
    public record InviteRequest(@NotBlank String partnerId, @Min(0) @Max(100) int ownerSharePercent,
            @Min(0) @Max(100) int partnerSharePercent) {
    }

    @RegisterForReflection
    public record ConvertRequest(String customerId, String applicationNo) {
    }

    @RegisterForReflection
    public record ProspectRequest(@NotBlank String name,
            @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{18}", message = "must be an 18-character unified social credit code") String creditCode,
            @NotBlank @Pattern(regexp = "\\d{6}", message = "must be a 6-digit division code") String region,
            Industry industry, String contactName, @NotBlank String contactPhone) {
    }

    @RegisterForReflection
    public record FieldCapture(String customerId, @Valid ProspectRequest prospect, @NotNull ProductLine productLine,
            @NotNull Intent intent, @DecimalMin("0.0") @DecimalMax("1.0") Double strength,
            @NotNull @DecimalMin("0") BigDecimal estimatedMonthlyValue, @Size(max = 4000) String detail) {
    }
}

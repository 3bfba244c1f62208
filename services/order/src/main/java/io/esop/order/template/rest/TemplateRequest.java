package io.esop.order.template.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.esop.contracts.ProductLine;
import io.esop.order.template.AttributeDefinition;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A template as back office writes it; {@code code} is ignored on update (the path names it). */
@RegisterForReflection
public record TemplateRequest(
        @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be upper case letters, digits and _") String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull ProductLine productLine,
        boolean needsResourceReservation,
        @Size(max = 2000) String description,
        @NotNull @Size(min = 1, max = 100) List<@Valid @NotNull AttributeDefinition> attributes) {
}

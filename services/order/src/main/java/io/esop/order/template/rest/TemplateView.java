package io.esop.order.template.rest;

import java.time.Instant;
import java.util.List;

import io.esop.contracts.ProductLine;
import io.esop.order.template.AttributeDefinition;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One template version as the API shows it. */
@RegisterForReflection
public record TemplateView(String code, int version, String name, ProductLine productLine,
        boolean needsResourceReservation, String description, List<AttributeDefinition> attributes,
        String createdBy, Instant createdAt) {
}

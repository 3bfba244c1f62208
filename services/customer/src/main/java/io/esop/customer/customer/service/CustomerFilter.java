package io.esop.customer.customer.service;

import io.esop.contracts.Industry;
import io.esop.contracts.ValueTier;

/** The list's filters; each may be null. {@code q} matches the name, case-insensitively. */
public record CustomerFilter(String region, Industry industry, ValueTier tier, String manager, String q) {
}

package io.esop.sla.alert.rest;

import java.math.BigDecimal;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Compliance of the clocks that stopped (MET notes) in one group: how many, how many within their target, the
 * percentage, and the average lateness in seconds over the late ones and over all.
 */
@RegisterForReflection
public record ComplianceRow(String group, long clocks, long met, BigDecimal metPercent,
        BigDecimal averageLatenessSecondsOfLate, BigDecimal averageLatenessSeconds) {
}

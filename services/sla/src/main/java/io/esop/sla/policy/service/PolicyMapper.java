package io.esop.sla.policy.service;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.ProductLine;
import io.esop.contracts.ValueTier;
import io.esop.contracts.order.ApprovalKind;
import io.esop.contracts.order.Milestone;
import io.esop.contracts.sla.BusinessCalendar;
import io.esop.contracts.sla.ClockType;
import io.esop.contracts.sla.EscalationStep;
import io.esop.contracts.sla.SlaPolicy;
import io.esop.sla.policy.PolicyVersion;

/** Between the stored version and the contracts' {@link SlaPolicy}. */
@ApplicationScoped
public class PolicyMapper {

    private static final TypeReference<List<EscalationStep>> STEPS = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    public PolicyMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public SlaPolicy toContract(PolicyVersion v) {
        try {
            return new SlaPolicy(v.policyId, v.version, ValueTier.valueOf(v.valueTier),
                    ProductLine.valueOf(v.productLine), ClockType.valueOf(v.clockType),
                    v.milestone == null ? null : Milestone.valueOf(v.milestone),
                    v.approvalKind == null ? null : ApprovalKind.valueOf(v.approvalKind),
                    Duration.ofSeconds(v.targetSeconds), v.warningThresholdPercent,
                    mapper.readValue(v.escalationsJson, STEPS),
                    mapper.readValue(v.calendarJson, BusinessCalendar.class), v.effectiveFrom, v.createdAt);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored policy " + v.policyId + " v" + v.version + " is unreadable", e);
        }
    }

    public String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

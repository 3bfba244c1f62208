package io.esop.contracts.customer;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.esop.contracts.EsopEvent;
import io.esop.contracts.EventKey;
import io.esop.contracts.Industry;
import io.esop.contracts.Optional;
import io.esop.contracts.Require;
import io.esop.contracts.ValueTier;
import java.math.BigDecimal;
import java.time.Instant;

/** The current state of one enterprise customer, published on every change to a compacted topic. */
@JsonClassDescription("The full current state of one enterprise customer (政企客户), published on every change to a "
        + "compacted topic: the latest record per customerId is the truth. Consumers keep the one with the "
        + "highest version.")
public record CustomerSnapshot(
        @EventKey String customerId,
        String name,
        @JsonPropertyDescription("Unified social credit code (统一社会信用代码), 18 characters, GB 32100-2015.")
        String creditCode,
        Industry industry,
        @JsonPropertyDescription("6-digit administrative division code (GB/T 2260) of the owning branch, e.g. 310000.")
        String region,
        ValueTier valueTier,
        CustomerStatus status,
        @JsonPropertyDescription("Staff id (Keycloak username) of the customer manager; absent when unassigned.")
        @Optional String accountManagerId,
        @Optional String teamId,
        @JsonPropertyDescription("Credit limit in CNY.")
        BigDecimal creditLimit,
        @JsonPropertyDescription("Outstanding arrears (欠费) in CNY.")
        BigDecimal arrears,
        @JsonPropertyDescription("When the customer record last changed.")
        Instant updatedAt,
        @JsonPropertyDescription("Version of the customer record; grows with every change.")
        long version,
        @JsonPropertyDescription("When this snapshot was published.")
        Instant occurredAt) implements EsopEvent {

    public CustomerSnapshot {
        Require.nonNull(customerId, "customerId");
        Require.nonNull(name, "name");
        Require.nonNull(creditCode, "creditCode");
        Require.nonNull(industry, "industry");
        Require.nonNull(region, "region");
        Require.nonNull(valueTier, "valueTier");
        Require.nonNull(status, "status");
        Require.nonNull(creditLimit, "creditLimit");
        Require.nonNull(arrears, "arrears");
        Require.nonNull(updatedAt, "updatedAt");
        Require.atLeast(version, 0, "version");
        Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public String key() {
        return customerId;
    }
}

package io.esop.contracts.staff;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.esop.contracts.EsopEvent;
import io.esop.contracts.EventKey;
import io.esop.contracts.Industry;
import io.esop.contracts.Optional;
import io.esop.contracts.ProductLine;
import io.esop.contracts.Require;
import io.esop.contracts.StaffRole;
import java.time.Instant;
import java.util.List;

/** The current state of one member of staff, published on every change to a compacted topic. */
@JsonClassDescription("The full current state of one member of staff (customer manager, sales director, back "
        + "office, admin), published on every change to a compacted topic. Consumers keep the highest version.")
public record StaffSnapshot(
        @JsonPropertyDescription("The Keycloak username.")
        @EventKey String staffId,
        String displayName,
        StaffRole role,
        @JsonPropertyDescription("6-digit administrative division code (GB/T 2260) the staff member works in.")
        String region,
        @JsonPropertyDescription("Industries the staff member specialises in.")
        List<Industry> industries,
        @JsonPropertyDescription("Product lines the staff member can sell or handle.")
        List<ProductLine> skills,
        String teamId,
        @JsonPropertyDescription("Staff id of the sales director the staff member reports to.")
        @Optional String directorId,
        @JsonPropertyDescription("How many open opportunities the staff member can own at once.")
        int capacity,
        @JsonPropertyDescription("False once the staff member left or was disabled; nothing new is assigned to them.")
        boolean active,
        Instant updatedAt,
        long version,
        Instant occurredAt) implements EsopEvent {

    public StaffSnapshot {
        Require.nonNull(staffId, "staffId");
        Require.nonNull(displayName, "displayName");
        Require.nonNull(role, "role");
        Require.nonNull(region, "region");
        industries = Require.list(industries, "industries");
        skills = Require.list(skills, "skills");
        Require.nonNull(teamId, "teamId");
        Require.atLeast(capacity, 0, "capacity");
        Require.nonNull(updatedAt, "updatedAt");
        Require.atLeast(version, 0, "version");
        Require.nonNull(occurredAt, "occurredAt");
    }

    @Override
    public String key() {
        return staffId;
    }
}

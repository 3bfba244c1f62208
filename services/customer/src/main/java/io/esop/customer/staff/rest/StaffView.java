package io.esop.customer.staff.rest;

import java.time.Instant;
import java.util.List;

import io.esop.contracts.Industry;
import io.esop.contracts.ProductLine;
import io.esop.contracts.StaffRole;
import io.esop.customer.staff.Staff;

public record StaffView(String id, String displayName, StaffRole role, String region, List<Industry> industries,
        List<ProductLine> skills, String teamId, String directorId, int capacity, boolean active,
        Instant updatedAt, long version) {

    public static StaffView of(Staff s) {
        return new StaffView(s.id, s.displayName, s.role, s.region, s.industryList(), s.skillList(), s.teamId,
                s.directorId, s.capacity, s.active, s.updatedAt, s.version);
    }
}

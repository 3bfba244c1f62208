package io.esop.opportunity.readmodel;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** What this service knows of a member of staff, from {@code esop.staff.v1} (read only here). */
@Entity
@Table(name = "staff_view")
public class StaffView extends PanacheEntityBase {

    @Id
    public String staffId;
    public String displayName;
    public String role;
    public String region;
    public String industries;
    public String skills;
    public String teamId;
    public String directorId;
    public int capacity;
    public boolean active;
    public long version;

    public List<String> industryList() {
        return split(industries);
    }

    public List<String> skillList() {
        return split(skills);
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
    }
}

package io.esop.customer.staff;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.esop.contracts.Industry;
import io.esop.contracts.ProductLine;
import io.esop.contracts.StaffRole;

/** A member of staff; the id is the Keycloak username. */
@Entity
@Table(name = "staff")
public class Staff {

    @Id
    public String id;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StaffRole role;

    @Column(nullable = false)
    public String region;

    /** Comma-separated {@link Industry} names. */
    @Column(nullable = false)
    public String industries = "";

    /** Comma-separated {@link ProductLine} names. */
    @Column(nullable = false)
    public String skills = "";

    @Column(name = "team_id", nullable = false)
    public String teamId;

    @Column(name = "director_id")
    public String directorId;

    @Column(nullable = false)
    public int capacity;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(nullable = false)
    public long version;

    public List<Industry> industryList() {
        return split(industries).stream().map(Industry::valueOf).toList();
    }

    public List<ProductLine> skillList() {
        return split(skills).stream().map(ProductLine::valueOf).toList();
    }

    public static String join(List<? extends Enum<?>> values) {
        return values == null ? "" : values.stream().map(Enum::name).distinct().collect(Collectors.joining(","));
    }

    private static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split(","));
    }
}

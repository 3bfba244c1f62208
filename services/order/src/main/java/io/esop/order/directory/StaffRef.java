package io.esop.order.directory;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** What this service knows of a member of staff, from esop.staff.v1 (read model). */
@Entity
@Table(name = "staff_ref")
public class StaffRef extends PanacheEntityBase {

    @Id
    @Column(name = "staff_id")
    public String staffId;

    @Column(name = "display_name")
    public String displayName;

    public String role;

    public String region;

    @Column(name = "team_id")
    public String teamId;

    @Column(name = "director_id")
    public String directorId;

    public boolean active;

    public long version;

    @Column(name = "updated_at")
    public Instant updatedAt;
}

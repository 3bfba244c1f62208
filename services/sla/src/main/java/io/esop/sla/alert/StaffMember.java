package io.esop.sla.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** Staff directory read model from esop.staff.v1: team and director of whoever is responsible for clocks. */
@Entity
@Table(name = "sla_staff")
public class StaffMember extends PanacheEntityBase {

    @Id
    @Column(name = "staff_id")
    public String staffId;

    @Column(name = "team_id", nullable = false)
    public String teamId;

    @Column(name = "director_id")
    public String directorId;

    @Column(nullable = false)
    public String role;

    @Column(nullable = false)
    public long version;
}

package io.esop.customer.staff.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.esop.customer.staff.Staff;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class StaffRepository implements PanacheRepositoryBase<Staff, String> {
}

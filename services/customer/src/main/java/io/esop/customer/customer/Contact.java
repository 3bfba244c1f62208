package io.esop.customer.customer;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A key contact of a customer, with birthday and role for care reminders. */
@Entity
@Table(name = "contact")
public class Contact {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(nullable = false)
    public String name;

    /** The contact's role at the customer, e.g. "CIO", "procurement". */
    public String role;

    public String phone;

    public String email;

    public LocalDate birthday;

    /** Display order within the customer. */
    @Column(nullable = false)
    public int position;
}

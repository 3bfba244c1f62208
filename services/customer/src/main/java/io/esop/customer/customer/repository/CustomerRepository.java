package io.esop.customer.customer.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.esop.customer.customer.Customer;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, String> {
}

package io.esop.customer.customer.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.esop.customer.customer.Contact;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, UUID> {
}

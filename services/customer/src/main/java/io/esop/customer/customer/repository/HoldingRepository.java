package io.esop.customer.customer.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.esop.customer.customer.Holding;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class HoldingRepository implements PanacheRepositoryBase<Holding, UUID> {
}

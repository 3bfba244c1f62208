package io.esop.workbench.live;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which team, manager and region each customer belongs to, learnt from the compacted esop.customers.v1 (read from
 * the beginning by every replica): most events name only a customer, and data scope is decided by its owner.
 */
@ApplicationScoped
public class CustomerDirectory {

    public record Entry(String accountManagerId, String teamId, String region) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public void put(String customerId, Entry entry) {
        entries.put(customerId, entry);
    }

    public void remove(String customerId) {
        entries.remove(customerId);
    }

    public Entry get(String customerId) {
        return customerId == null ? null : entries.get(customerId);
    }

    public int size() {
        return entries.size();
    }
}

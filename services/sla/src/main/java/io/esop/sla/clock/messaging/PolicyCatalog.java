package io.esop.sla.clock.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import io.esop.contracts.ProductLine;
import io.esop.contracts.ValueTier;
import io.esop.contracts.order.ApprovalKind;
import io.esop.contracts.order.Milestone;
import io.esop.contracts.sla.ClockType;
import io.esop.contracts.sla.SlaPolicy;
import io.esop.sla.clock.PolicyMatcher;

/**
 * The policies of the global store, parsed once and refreshed at most every second (and on a miss), so that
 * opening a million clocks does not parse the policy matrix a million times.
 */
final class PolicyCatalog {

    private static final long REFRESH_MS = 1000;

    private final KeyValueStore<String, SlaPolicy> store;
    private final java.util.function.LongSupplier clock;
    private List<SlaPolicy> policies = List.of();
    private long loadedAt = Long.MIN_VALUE;

    PolicyCatalog(KeyValueStore<String, SlaPolicy> store, java.util.function.LongSupplier clock) {
        this.store = store;
        this.clock = clock;
    }

    Optional<SlaPolicy> match(ClockType type, ValueTier tier, ProductLine line, Milestone milestone,
            ApprovalKind approvalKind) {
        long now = clock.getAsLong();
        if (now - loadedAt > REFRESH_MS) {
            reload(now);
        }
        Optional<SlaPolicy> found = PolicyMatcher.match(policies, type, tier, line, milestone, approvalKind);
        if (found.isEmpty() && loadedAt != now) {
            reload(now);
            found = PolicyMatcher.match(policies, type, tier, line, milestone, approvalKind);
        }
        return found;
    }

    private void reload(long now) {
        List<SlaPolicy> list = new ArrayList<>();
        try (KeyValueIterator<String, SlaPolicy> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, SlaPolicy> next = all.next();
                if (next.value != null) {
                    list.add(next.value);
                }
            }
        }
        policies = list;
        loadedAt = now;
    }
}

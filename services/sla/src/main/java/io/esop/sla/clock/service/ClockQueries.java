package io.esop.sla.clock.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.esop.contracts.sla.SlaSubjectType;
import io.esop.contracts.sla.SlaPolicy;
import io.esop.sla.clock.ClockIds;
import io.esop.sla.clock.ClockState;
import io.esop.sla.clock.ClockTerms;
import io.esop.sla.clock.messaging.SlaTopology;
import io.esop.web.DomainException;

/**
 * Reads clocks from this instance's state stores (Kafka Streams interactive query). With several instances each
 * holds the partitions it was assigned; {@code ClockPeers} asks the others for theirs.
 */
@ApplicationScoped
public class ClockQueries {

    private final KafkaStreams streams;

    public ClockQueries(KafkaStreams streams) {
        this.streams = streams;
    }

    /** A clock with the terms of the policy version it runs by. */
    public record Reading(ClockState clock, ClockTerms terms) {
    }

    /** The clocks of one opportunity, approval or order; throws {@link EngineNotReady} while rebalancing. */
    public List<Reading> ofSubject(SlaSubjectType type, String subjectId) {
        String prefix = switch (type) {
            case OPPORTUNITY -> ClockIds.opportunityPrefix(subjectId);
            case APPROVAL -> ClockIds.approvalPrefix(subjectId);
            case ORDER -> ClockIds.orderPrefix(subjectId);
        };
        List<Reading> result = new ArrayList<>();
        try {
            ReadOnlyKeyValueStore<String, ClockState> store = streams.store(StoreQueryParameters
                    .fromNameAndType(SlaTopology.CLOCK_STORE, QueryableStoreTypes.<String, ClockState>keyValueStore()));
            // the task holding a clock keeps the policy versions its clocks run by
            ReadOnlyKeyValueStore<String, SlaPolicy> versions = streams.store(StoreQueryParameters.fromNameAndType(
                    SlaTopology.POLICY_VERSIONS_STORE, QueryableStoreTypes.<String, SlaPolicy>keyValueStore()));
            try (KeyValueIterator<String, ClockState> it = store.prefixScan(prefix, new StringSerializer())) {
                while (it.hasNext()) {
                    ClockState clock = it.next().value;
                    SlaPolicy policy = versions.get(clock.policyKey());
                    if (policy == null) {
                        throw new EngineNotReady(); // the version's task is being restored
                    }
                    result.add(new Reading(clock, ClockTerms.of(policy)));
                }
            }
        } catch (InvalidStateStoreException e) {
            throw new EngineNotReady();
        }
        return result;
    }

    /** The engine's stores are not queryable now (starting, rebalancing): answer 503, try again. */
    public static class EngineNotReady extends DomainException {
        public EngineNotReady() {
            super("the SLA engine is starting or rebalancing; try again shortly", (String) null);
        }

        @Override
        public int status() {
            return 503;
        }

        @Override
        public String title() {
            return "Service Unavailable";
        }
    }
}

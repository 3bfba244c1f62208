package io.esop.sla.clock.messaging;

import java.time.Duration;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.customer.CustomerSnapshot;
import io.esop.contracts.sla.SlaAlert;
import io.esop.contracts.sla.SlaPolicy;

/**
 * The SLA engine: opportunity and order events open, pause, resume and stop clocks; a wall-clock punctuator fires
 * warnings, breaches and escalations. Clocks (compact binary), the policy versions they run by (once per version)
 * and per-subject sequences are persistent stores with changelogs, the due-time index an in-memory store rebuilt
 * from the clocks; policies and customers are global stores read from their compacted topics.
 */
public final class SlaTopology {

    /** Renamed from {@code sla-clocks} when clocks stopped copying their policy (JSON → binary). */
    public static final String CLOCK_STORE = "sla-clock-states";
    public static final String POLICY_VERSIONS_STORE = "sla-policy-versions";
    public static final String DUE_INDEX_STORE = "sla-due-index";
    public static final String AGGREGATE_STORE = "sla-subjects";
    public static final String POLICY_STORE = "sla-policies";
    public static final String CUSTOMER_STORE = "sla-customers";

    static final String EVENTS = "events";
    static final String CLOCKS = "clocks";
    static final String ALERTS_SINK = "alerts";
    static final String DLQ_SINK = "dead-letters";

    private SlaTopology() {
    }

    public static Topology build(SlaTopics topics, Duration punctuateInterval, Duration fireBudget,
            ObjectMapper mapper) {
        Topology topology = new Topology();

        topology.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(POLICY_STORE), Serdes.String(),
                        JsonSerde.tolerant(mapper, SlaPolicy.class)).withLoggingDisabled(),
                "policies-source", new StringDeserializer(), new ByteArrayDeserializer(), topics.policies(),
                "policies-updater",
                () -> new GlobalStoreUpdater<>(POLICY_STORE, mapper, SlaPolicy.class, SlaPolicy::version));
        topology.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CUSTOMER_STORE), Serdes.String(),
                        JsonSerde.tolerant(mapper, CustomerSnapshot.class)).withLoggingDisabled(),
                "customers-source", new StringDeserializer(), new ByteArrayDeserializer(), topics.customers(),
                "customers-updater",
                () -> new GlobalStoreUpdater<>(CUSTOMER_STORE, mapper, CustomerSnapshot.class,
                        CustomerSnapshot::version));

        topology.addSource(EVENTS, new StringDeserializer(), new ByteArrayDeserializer(), topics.opportunities(),
                topics.orders());
        topology.addProcessor(CLOCKS, () -> new ClockProcessor(mapper, punctuateInterval, fireBudget), EVENTS);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CLOCK_STORE),
                Serdes.String(), new ClockStateSerde()), CLOCKS);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(POLICY_VERSIONS_STORE),
                Serdes.String(), JsonSerde.strict(mapper, SlaPolicy.class)), CLOCKS);
        // The due-time index is derived data: every clock records its own index key, so the index lives in
        // memory without a changelog and is rebuilt from the clocks when a task starts. That halves the records
        // written per alert (the benchmark's bottleneck is this machine writing changelogs).
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(DUE_INDEX_STORE),
                Serdes.String(), Serdes.String()).withLoggingDisabled(), CLOCKS);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AGGREGATE_STORE),
                Serdes.String(), JsonSerde.strict(mapper, AggregateState.class)), CLOCKS);

        topology.addSink(ALERTS_SINK, topics.alerts(), new StringSerializer(),
                JsonSerde.strict(mapper, SlaAlert.class).serializer(), CLOCKS);
        topology.addSink(DLQ_SINK, topics.deadLetters(), new StringSerializer(), new ByteArraySerializer(), CLOCKS);
        return topology;
    }
}

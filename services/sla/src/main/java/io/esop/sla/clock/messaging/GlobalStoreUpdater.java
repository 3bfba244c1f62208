package io.esop.sla.clock.messaging;

import java.util.function.ToLongFunction;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/**
 * Keeps a global store (policies, customers) equal to its compacted topic: the newest version per key, a
 * tombstone deletes. A record it cannot read is logged and skipped, never applied.
 */
final class GlobalStoreUpdater<T> implements Processor<String, byte[], Void, Void> {

    private final String storeName;
    private final ObjectMapper mapper;
    private final Class<T> type;
    private final ToLongFunction<T> version;
    private KeyValueStore<String, T> store;

    GlobalStoreUpdater(String storeName, ObjectMapper mapper, Class<T> type, ToLongFunction<T> version) {
        this.storeName = storeName;
        this.mapper = mapper;
        this.type = type;
        this.version = version;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
            return;
        }
        T value;
        try {
            value = mapper.readValue(record.value(), type);
        } catch (Exception e) {
            Log.warnf("Unreadable %s %s skipped: %s", type.getSimpleName(), record.key(), e.getMessage());
            return;
        }
        T current = store.get(record.key());
        if (current != null && version.applyAsLong(current) > version.applyAsLong(value)) {
            return; // a late, older version never replaces a newer one
        }
        store.put(record.key(), value);
    }
}

package io.esop.sla.clock.messaging;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/**
 * JSON serde for state stores and sinks. A tolerant serde reads a value it cannot parse as {@code null}: global
 * stores are restored byte for byte from their topics, so one bad record there must not stop the application.
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final ObjectMapper mapper;
    private final Class<T> type;
    private final boolean tolerant;

    private JsonSerde(ObjectMapper mapper, Class<T> type, boolean tolerant) {
        this.mapper = mapper;
        this.type = type;
        this.tolerant = tolerant;
    }

    public static <T> JsonSerde<T> strict(ObjectMapper mapper, Class<T> type) {
        return new JsonSerde<>(mapper, type, false);
    }

    public static <T> JsonSerde<T> tolerant(ObjectMapper mapper, Class<T> type) {
        return new JsonSerde<>(mapper, type, true);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return mapper.writeValueAsBytes(data);
        } catch (Exception e) {
            throw new SerializationException("cannot write " + type.getSimpleName(), e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return mapper.readValue(data, type);
        } catch (Exception e) {
            if (tolerant) {
                Log.warnf("Unreadable %s ignored: %s", type.getSimpleName(), e.getMessage());
                return null;
            }
            throw new SerializationException("cannot read " + type.getSimpleName(), e);
        }
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
    }

    @Override
    public void close() {
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }
}

package io.esop.workbench.live.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.esop.workbench.live.CustomerDirectory;
import io.esop.workbench.live.LiveEvent;
import io.esop.workbench.live.LiveHub;
import io.quarkus.logging.Log;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the live stream. Every replica consumes with its own consumer group (esop-workbench-…-${quarkus.uuid}),
 * from the latest offset and read_committed, so any replica can serve any user and only committed events are
 * shown. Nothing here changes state, so there is nothing to make idempotent and no offset worth committing; an
 * unreadable event is skipped and counted (the producing service owns its dead letters).
 */
@ApplicationScoped
public class LiveConsumers {

    private final LiveHub hub;
    private final CustomerDirectory directory;
    private final ObjectMapper mapper;
    private final Counter skipped;
    /** Customer snapshots older than this are replayed into the directory only, not shown as news. */
    private final long startedAt = System.currentTimeMillis();

    public LiveConsumers(LiveHub hub, CustomerDirectory directory, ObjectMapper mapper, MeterRegistry registry) {
        this.hub = hub;
        this.directory = directory;
        this.mapper = mapper;
        this.skipped = Counter.builder("esop.workbench.live.skipped")
                .description("events the live stream could not read").register(registry);
    }

    @Incoming("opportunities-live")
    public void opportunity(ConsumerRecord<String, String> record) {
        show("opportunity", record);
    }

    @Incoming("orders-live")
    public void order(ConsumerRecord<String, String> record) {
        show("order", record);
    }

    @Incoming("sla-alerts-live")
    public void slaAlert(ConsumerRecord<String, String> record) {
        show("sla", record);
    }

    @Incoming("customers-live")
    public void customer(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            directory.remove(record.key());
            return;
        }
        try {
            JsonNode json = mapper.readTree(record.value());
            directory.put(record.key(), new CustomerDirectory.Entry(LiveEvents.text(json, "accountManagerId"),
                    LiveEvents.text(json, "teamId"), LiveEvents.text(json, "region")));
        } catch (Exception e) {
            skip(record, e);
            return;
        }
        if (record.timestamp() >= startedAt) {
            show("customer", record);
        }
    }

    private void show(String kind, ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        try {
            LiveEvent event = LiveEvents.from(kind, record, mapper);
            hub.publish(event);
        } catch (Exception e) {
            skip(record, e);
        }
    }

    private void skip(ConsumerRecord<String, String> record, Exception e) {
        skipped.increment();
        Log.warnf("live: skipped %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.toString());
    }

    Instant startedAt() {
        return Instant.ofEpochMilli(startedAt);
    }
}

package io.esop.simulator.signals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.CloudEvents;
import io.esop.contracts.EsopJson;
import io.esop.contracts.EventTypes;
import io.esop.contracts.ProductLine;
import io.esop.contracts.signal.Intent;
import io.esop.contracts.signal.Signal;
import io.esop.contracts.signal.SignalSource;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Plays the business-analytics system (经分, BASS): now and then it notices a usage surge, a churn
 * risk or an expiring contract of a demo customer and says so on esop.signals.v1, so that the demo
 * shows opportunities arriving by themselves.
 */
@ApplicationScoped
public class BassSignalFeed {

    private static final List<SignalSource> SOURCES =
            List.of(SignalSource.BASS_USAGE_SURGE, SignalSource.BASS_CHURN_RISK, SignalSource.CONTRACT_EXPIRY);

    private final MutinyEmitter<String> signals;
    private final SignalConfig config;
    private final ObjectMapper json = EsopJson.newObjectMapper();
    private final AtomicLong emitted = new AtomicLong();

    public BassSignalFeed(@Channel("signals-out") MutinyEmitter<String> signals, SignalConfig config) {
        this.signals = signals;
        this.config = config;
    }

    @Scheduled(every = "${esop.simulator.signals.interval:120s}", delayed = "30s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void emitOne() {
        if (!config.enabled() || config.customers().isEmpty()) {
            return;
        }
        long n = emitted.getAndIncrement();
        Signal signal = next(n, Instant.now());
        try {
            RecordHeaders headers = new RecordHeaders();
            headers.add(CloudEvents.SPEC_VERSION, bytes(CloudEvents.SPEC_VERSION_1_0));
            headers.add(CloudEvents.ID, bytes(signal.signalId()));
            headers.add(CloudEvents.TYPE, bytes(EventTypes.SIGNAL_RECEIVED.name()));
            headers.add(CloudEvents.SOURCE, bytes("esop-simulator/bass"));
            headers.add(CloudEvents.SUBJECT, bytes(signal.key()));
            headers.add(CloudEvents.TIME, bytes(signal.occurredAt().toString()));
            headers.add(CloudEvents.CONTENT_TYPE, bytes(CloudEvents.APPLICATION_JSON));
            signals.sendMessage(Message.of(json.writeValueAsString(signal)).addMetadata(
                            OutgoingKafkaRecordMetadata.<String>builder().withKey(signal.key()).withHeaders(headers).build()))
                    .subscribe().with(ok -> Log.infof("BASS signal %s %s %s for %s", signal.source(), signal.productLine(),
                            signal.intent(), signal.customerId()), failure -> Log.warn("BASS signal not sent", failure));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The n-th signal: rotates through customers, sources, product lines and intents. */
    Signal next(long n, Instant now) {
        ProductLine[] lines = ProductLine.values();
        Intent[] intents = Intent.values();
        String customer = config.customers().get((int) (n % config.customers().size()));
        SignalSource source = SOURCES.get((int) (n % SOURCES.size()));
        ProductLine line = lines[(int) ((n / SOURCES.size()) % lines.length)];
        Intent intent = switch (source) {
            case BASS_CHURN_RISK -> Intent.RETAIN;
            case CONTRACT_EXPIRY -> Intent.RENEW;
            default -> intents[(int) (n % 2)]; // NEW or EXPAND
        };
        BigDecimal value = BigDecimal.valueOf(2000 + (n * 1375) % 48000).setScale(2);
        double strength = 0.4 + (n % 6) / 10.0;
        return new Signal(UUID.randomUUID().toString(), source, customer, null, line, intent, strength, value, now,
                "simulated " + source.name().toLowerCase().replace('_', ' ') + " on " + line, null, now);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

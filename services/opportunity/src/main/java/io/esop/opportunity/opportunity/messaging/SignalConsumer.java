package io.esop.opportunity.opportunity.messaging;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.exception.ConstraintViolationException;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.Topics;
import io.esop.contracts.signal.Signal;
import io.esop.eventing.CloudEventHeaders;
import io.esop.eventing.deadletter.DeadLetterSource;
import io.esop.eventing.deadletter.DeadLetters;
import io.esop.eventing.inbox.Inbox;
import io.esop.opportunity.opportunity.service.SignalPipeline;
import io.esop.opportunity.opportunity.service.SignalPipeline.Outcome;
import io.esop.opportunity.opportunity.service.SignalValidator;
import io.esop.opportunity.opportunity.repository.SeenSignals;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * {@code esop.signals.v1} to opportunities, one transaction per signal: the inbox mark, the effect
 * (signal row, opportunity, timeline) or the dead letter, and the resulting events in the outbox commit
 * together; the record is acknowledged only after commit. Records are processed one after the other
 * (the connector's poll loop pauses when the pipeline falls behind: back-pressure, flat memory).
 */
@ApplicationScoped
public class SignalConsumer {

    static final String CONSUMER = "opportunity.signals";

    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final SignalPipeline pipeline;
    private final SeenSignals seen;
    private final ObjectMapper objectMapper;
    private final MeterRegistry registry;

    SignalConsumer(Inbox inbox, DeadLetters deadLetters, SignalPipeline pipeline, SeenSignals seen,
            ObjectMapper objectMapper, MeterRegistry registry) {
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.pipeline = pipeline;
        this.seen = seen;
        this.objectMapper = objectMapper;
        this.registry = registry;
    }

    @Incoming("signals-in")
    public Uni<Void> consume(Message<byte[]> message) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        String key = kafka.getKey() == null ? null : kafka.getKey().toString();
        byte[] value = message.getPayload();
        // No ce_id (a plain producer): the record's position still recognises a redelivery.
        String eventId = Optional.ofNullable(CloudEventHeaders.id(kafka.getHeaders()))
                .orElse(kafka.getTopic() + "/" + kafka.getPartition() + "/" + kafka.getOffset());

        Signal signal = null;
        String invalid;
        try {
            if (value == null) {
                throw new IllegalArgumentException("no value (tombstone) on the signals topic");
            }
            signal = objectMapper.readValue(value, Signal.class);
            invalid = SignalValidator.problem(signal).orElse(null);
        } catch (Exception e) {
            invalid = "unreadable signal: " + rootMessage(e);
        }
        Signal valid = invalid == null ? signal : null;
        String reason = invalid;
        Uni<Boolean> alreadySeen = valid == null ? Uni.createFrom().item(false) : seen.seen(valid.signalId());
        return alreadySeen.chain(skip -> {
            if (skip) {
                count("duplicate");
                return Uni.createFrom().voidItem();
            }
            return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, eventId)
                    .chain(first -> {
                        if (!first) {
                            return Uni.createFrom().item("redelivered");
                        }
                        if (valid == null) {
                            return deadLetter(kafka, key, value, reason);
                        }
                        return pipeline.apply(valid).map(Outcome::name)
                                .onFailure(SignalPipeline.Unplaceable.class)
                                .recoverWithUni(e -> deadLetter(kafka, key, value, e.getMessage()));
                    })))
                    // another replica created the same opportunity first: roll back and merge into it
                    .onFailure(SignalConsumer::isUniqueViolation).retry().atMost(3)
                    // transient trouble (database restarting): keep the partition's order and retry; if it lasts,
                    // the record is nacked, the channel fails and health reports it (nothing is acked, nothing lost)
                    .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).atMost(15)
                    .invoke(outcome -> count(outcome.toLowerCase()))
                    .call(outcome -> valid == null ? Uni.createFrom().voidItem() : seen.remember(valid.signalId()))
                    .replaceWithVoid();
        }).chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().invoke(e -> Log.errorf(e, "Signal %s at %s[%d]@%d not processed; it will be redelivered",
                        key, kafka.getTopic(), kafka.getPartition(), kafka.getOffset()));
    }

    private Uni<String> deadLetter(IncomingKafkaRecordMetadata<?, ?> kafka, String key, byte[] value, String reason) {
        return deadLetters.send(Topics.OPPORTUNITY_DLQ, CONSUMER, DeadLetterSource.of(kafka.getTopic(),
                kafka.getPartition(), kafka.getOffset(), key, value, kafka.getHeaders()), reason)
                .replaceWith("dead_letter");
    }

    private void count(String outcome) {
        registry.counter("esop.opportunity.signals", "outcome", outcome).increment();
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && message.contains("23505")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        // Jackson appends the source location; the reason is the first line
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }
}

package io.esop.opportunity.opportunity.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import io.esop.opportunity.opportunity.repository.SeenSignals;
import io.esop.opportunity.opportunity.service.SignalPipeline;
import io.esop.opportunity.opportunity.service.SignalPipeline.Outcome;
import io.esop.opportunity.opportunity.service.SignalPipeline.Result;
import io.esop.opportunity.opportunity.service.SignalValidator;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;

/**
 * {@code esop.signals.v1} to opportunities, one transaction per polled batch of records: the signal rows,
 * the opportunities created or merged, their timeline and events, and the dead letters (with their inbox
 * marks) commit together; the batch is acknowledged only after commit, so a batch redelivered after a
 * crash finds its signal ids (primary key) and inbox marks and changes nothing. Ids Redis remembers as
 * committed skip the database. The next batch is polled only when this one is done (back-pressure, flat
 * memory); copies of the channel and replicas share the partitions.
 */
@ApplicationScoped
public class SignalConsumer {

    static final String CONSUMER = "opportunity.signals";

    /** One record of a batch, read: a valid signal, or the reason it is invalid. */
    private record Item(ConsumerRecord<String, byte[]> record, String eventId, Signal signal, String invalid) {
    }

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
    @SuppressWarnings("unchecked")
    public Uni<Void> consume(Message<List<byte[]>> batch) {
        IncomingKafkaRecordBatchMetadata<String, byte[]> metadata = batch
                .getMetadata(IncomingKafkaRecordBatchMetadata.class).orElseThrow();
        List<Item> items = new ArrayList<>();
        metadata.getRecords().forEach(record -> items.add(read(record)));

        // the first record of an id speaks for the batch; a repeat in the same batch is a duplicate
        Map<String, Item> first = new LinkedHashMap<>();
        List<Item> invalid = new ArrayList<>();
        int repeats = 0;
        for (Item item : items) {
            if (item.signal() == null) {
                invalid.add(item);
            } else if (first.putIfAbsent(item.signal().signalId(), item) != null) {
                repeats++;
            }
        }
        int repeated = repeats;
        return seen.seen(first.keySet()).chain(vouched -> {
            // Redis knows the ids processed before, and vouches that the others are new: the database is asked
            // only when Redis did not answer, or was wrong (lost, or not told before a crash), which the insert of
            // the signal rows finds (their primary key); the batch is then applied again, asking.
            Set<String> known = vouched == null ? Set.of() : vouched;
            AtomicBoolean askDatabase = new AtomicBoolean(vouched == null);

            List<Signal> signals = first.values().stream().map(Item::signal)
                    .filter(s -> !known.contains(s.signalId())).toList();
            if (signals.isEmpty() && invalid.isEmpty()) {
                count("duplicate", known.size() + repeated);
                return Uni.createFrom().voidItem();
            }
            return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> pipeline.apply(signals, askDatabase.get())
                    .call(results -> deadLetters(invalid, results, first))))
                    .onFailure(SignalConsumer::isRecordedAlready).invoke(() -> askDatabase.set(true))
                    .onFailure(SignalConsumer::isRecordedAlready).retry().atMost(3)
                    // another replica created the same opportunity first: roll back and merge into it
                    .onFailure(SignalConsumer::isUniqueViolation).retry().atMost(3)
                    // transient trouble (database restarting): retry the batch; if it lasts, the batch is nacked,
                    // the channel fails and health reports it (nothing is acked, nothing lost)
                    .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).atMost(15)
                    .call(results -> seen.remember(results.entrySet().stream()
                            .filter(e -> e.getValue().outcome() != Outcome.UNPLACEABLE)
                            .map(Map.Entry::getKey).toList()))
                    .invoke(results -> {
                        count("duplicate", known.size() + repeated);
                        count("dead_letter", invalid.size());
                        results.values().forEach(r -> count(r.outcome() == Outcome.UNPLACEABLE ? "dead_letter"
                                : r.outcome().name().toLowerCase(), 1));
                    })
                    .replaceWithVoid();
        }).chain(() -> Uni.createFrom().completionStage(batch.ack()))
                .onFailure().invoke(e -> Log.errorf(e, "A batch of %d signals from %s not processed; it will be redelivered",
                        items.size(), describe(items)));
    }

    private Item read(ConsumerRecord<String, byte[]> record) {
        // No ce_id (a plain producer): the record's position still recognises a redelivery.
        String eventId = Optional.ofNullable(CloudEventHeaders.id(record.headers()))
                .orElse(record.topic() + "/" + record.partition() + "/" + record.offset());
        try {
            if (record.value() == null) {
                throw new IllegalArgumentException("no value (tombstone) on the signals topic");
            }
            Signal signal = objectMapper.readValue(record.value(), Signal.class);
            String problem = SignalValidator.problem(signal).orElse(null);
            return problem == null ? new Item(record, eventId, signal, null) : new Item(record, eventId, null, problem);
        } catch (Exception e) {
            return new Item(record, eventId, null, "unreadable signal: " + rootMessage(e));
        }
    }

    /**
     * Invalid records and unplaceable signals go to the dead-letter topic, once each (the inbox decides), with
     * one inbox and one outbox statement for the batch.
     */
    private Uni<Void> deadLetters(List<Item> invalid, Map<String, Result> results, Map<String, Item> byId) {
        List<Item> rejected = new ArrayList<>(invalid);
        Map<Item, String> reasons = new java.util.IdentityHashMap<>();
        invalid.forEach(item -> reasons.put(item, item.invalid()));
        results.forEach((id, result) -> {
            if (result.outcome() == Outcome.UNPLACEABLE) {
                Item item = byId.get(id);
                rejected.add(item);
                reasons.put(item, result.reason());
            }
        });
        if (rejected.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return inbox.firstDeliveries(CONSUMER, rejected.stream().map(Item::eventId).toList()).chain(first -> {
            List<DeadLetterSource> sources = new ArrayList<>();
            List<String> why = new ArrayList<>();
            for (Item item : rejected) {
                if (first.remove(item.eventId())) { // a record twice in the batch: one dead letter
                    ConsumerRecord<String, byte[]> r = item.record();
                    sources.add(DeadLetterSource.of(r.topic(), r.partition(), r.offset(), r.key(), r.value(),
                            r.headers()));
                    why.add(reasons.get(item));
                }
            }
            return deadLetters.sendAll(Topics.OPPORTUNITY_DLQ, CONSUMER, sources, why).replaceWithVoid();
        });
    }

    private void count(String outcome, int n) {
        if (n > 0) {
            registry.counter("esop.opportunity.signals", "outcome", outcome).increment(n);
        }
    }

    private static String describe(List<Item> items) {
        if (items.isEmpty()) {
            return "nowhere";
        }
        ConsumerRecord<String, byte[]> r = items.get(0).record();
        return r.topic() + "[" + r.partition() + "]@" + r.offset() + " and on";
    }

    static boolean isRecordedAlready(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SignalPipeline.ConcurrentSignal) {
                return true;
            }
        }
        return false;
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

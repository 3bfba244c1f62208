package io.esop.sla.clock.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.CloudEvents;
import io.esop.contracts.EventType;
import io.esop.contracts.EventTypes;
import io.esop.contracts.ProductLine;
import io.esop.contracts.ValueTier;
import io.esop.contracts.customer.CustomerSnapshot;
import io.esop.contracts.opportunity.OpportunityAssigned;
import io.esop.contracts.opportunity.OpportunityAwarded;
import io.esop.contracts.opportunity.OpportunityStage;
import io.esop.contracts.opportunity.OpportunityStageChanged;
import io.esop.contracts.order.ApprovalDecided;
import io.esop.contracts.order.ApprovalKind;
import io.esop.contracts.order.ApprovalRequested;
import io.esop.contracts.order.Milestone;
import io.esop.contracts.order.OrderCompleted;
import io.esop.contracts.order.OrderMilestoneReached;
import io.esop.contracts.order.OrderState;
import io.esop.contracts.order.OrderStateChanged;
import io.esop.contracts.order.OrderSubmitted;
import io.esop.contracts.sla.AlertKind;
import io.esop.contracts.sla.ClockType;
import io.esop.contracts.sla.SlaAlert;
import io.esop.contracts.sla.SlaPolicy;
import io.esop.contracts.sla.SlaSubjectType;
import io.esop.eventing.deadletter.DeadLetterHeaders;
import io.esop.sla.clock.ClockIds;
import io.esop.sla.clock.ClockState;
import io.esop.sla.clock.ClockTerms;
import io.esop.sla.clock.ClockStatus;
import io.esop.sla.clock.Threshold;
import io.quarkus.logging.Log;

/**
 * Opens, pauses, resumes and stops clocks from opportunity and order events, and fires their alerts from a
 * wall-clock punctuator. Everything it changes (clock, index entry, sent alert) is one exactly-once transaction.
 *
 * <p>A punctuation fires for at most {@code fireBudget} of wall time, then returns so that Streams commits: a burst
 * of due clocks goes out as a series of small transactions, each visible to consumers at once, instead of one
 * transaction that would outlive {@code transaction.timeout.ms} and be aborted (and fired again after the
 * rebalance it causes).
 */
final class ClockProcessor implements Processor<String, byte[], String, Object> {

    static final String CONSUMER = "sla.clocks";
    private static final String SOURCE = "esop-sla";
    /** How late the punctuator fired thresholds (the promise: under a second). */
    private static final io.micrometer.core.instrument.Timer FIRING_LATENESS = io.micrometer.core.instrument.Timer
            .builder("esop.sla.firing.lateness").publishPercentiles(0.5, 0.99)
            .register(io.micrometer.core.instrument.Metrics.globalRegistry);

    /** Due index entries read at a time while firing; the budget is checked between chunks. */
    private static final int FIRE_CHUNK = 256;

    private final ObjectMapper mapper;
    private final Duration punctuateInterval;
    private final long fireBudgetNanos;
    /** The terms of every policy version this task's clocks run by, worked out once. */
    private final Map<String, ClockTerms> terms = new HashMap<>();

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, ClockState> clocks;
    private KeyValueStore<String, String> dueIndex;
    private KeyValueStore<String, AggregateState> subjects;
    private KeyValueStore<String, SlaPolicy> policyVersions;
    private KeyValueStore<String, CustomerSnapshot> customers;
    private PolicyCatalog policies;

    ClockProcessor(ObjectMapper mapper, Duration punctuateInterval, Duration fireBudget) {
        this.mapper = mapper;
        this.punctuateInterval = punctuateInterval;
        this.fireBudgetNanos = fireBudget.toNanos();
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        clocks = context.getStateStore(SlaTopology.CLOCK_STORE);
        dueIndex = context.getStateStore(SlaTopology.DUE_INDEX_STORE);
        subjects = context.getStateStore(SlaTopology.AGGREGATE_STORE);
        policyVersions = context.getStateStore(SlaTopology.POLICY_VERSIONS_STORE);
        customers = context.getStateStore(SlaTopology.CUSTOMER_STORE);
        policies = new PolicyCatalog(context.getStateStore(SlaTopology.POLICY_STORE), context::currentSystemTimeMs);
        rebuildDueIndex();
        context.schedule(punctuateInterval, PunctuationType.WALL_CLOCK_TIME, this::fireDue);
    }

    /** The index is in memory: after a (re)start it is rebuilt from the restored clocks' own index keys. */
    private void rebuildDueIndex() {
        List<KeyValue<String, String>> entries = new ArrayList<>();
        try (KeyValueIterator<String, String> old = dueIndex.all()) {
            old.forEachRemaining(kv -> entries.add(kv));
        }
        entries.forEach(kv -> dueIndex.delete(kv.key));
        long count = 0;
        try (KeyValueIterator<String, ClockState> all = clocks.all()) {
            while (all.hasNext()) {
                ClockState clock = all.next().value;
                if (clock.indexKey() != null) {
                    dueIndex.put(clock.indexKey(), clock.clockId());
                    count++;
                }
            }
        }
        Log.debugf("Due-time index of task %s rebuilt: %d pending thresholds", context.taskId(), count);
    }

    // ---------------------------------------------------------------------------------------- input events

    @Override
    public void process(Record<String, byte[]> record) {
        String typeName = header(record.headers(), CloudEvents.TYPE);
        if (typeName == null) {
            deadLetter(record, "no " + CloudEvents.TYPE + " header");
            return;
        }
        Optional<EventType<?>> type = EventTypes.byName(typeName);
        if (type.isEmpty() || !handles(type.get())) {
            return; // an event the SLA engine does not time (created, merged, bidding-opened, ...)
        }
        if (record.value() == null) {
            deadLetter(record, "no payload for " + typeName);
            return;
        }
        Object event;
        try {
            event = mapper.readValue(record.value(), type.get().payload());
        } catch (Exception e) {
            deadLetter(record, "unreadable " + typeName + ": " + e.getMessage());
            return;
        }
        try {
            apply(event);
        } catch (RuntimeException e) {
            Log.warnf(e, "SLA event %s %s could not be applied", typeName, record.key());
            deadLetter(record, "cannot apply " + typeName + ": " + e.getMessage());
        }
    }

    private static boolean handles(EventType<?> type) {
        return type == EventTypes.OPPORTUNITY_ASSIGNED || type == EventTypes.OPPORTUNITY_AWARDED
                || type == EventTypes.OPPORTUNITY_STAGE_CHANGED || type == EventTypes.APPROVAL_REQUESTED
                || type == EventTypes.APPROVAL_DECIDED || type == EventTypes.ORDER_SUBMITTED
                || type == EventTypes.ORDER_STATE_CHANGED || type == EventTypes.ORDER_MILESTONE_REACHED
                || type == EventTypes.ORDER_COMPLETED;
    }

    private void apply(Object event) {
        if (event instanceof OpportunityAssigned e) {
            if (accept("OPPORTUNITY:" + e.opportunityId(), e.sequence())) {
                startOrReassign(ClockIds.firstContact(e.opportunityId()), ClockType.OPPORTUNITY_FIRST_CONTACT,
                        SlaSubjectType.OPPORTUNITY, e.opportunityId(), null, null, e.customerId(), e.ownerId(),
                        e.teamId(), e.valueTier(), e.productLine(), e.occurredAt(), false);
            }
        } else if (event instanceof OpportunityAwarded e) {
            if (accept("OPPORTUNITY:" + e.opportunityId(), e.sequence())) {
                startOrReassign(ClockIds.firstContact(e.opportunityId()), ClockType.OPPORTUNITY_FIRST_CONTACT,
                        SlaSubjectType.OPPORTUNITY, e.opportunityId(), null, null, e.customerId(), e.winnerId(),
                        e.teamId(), e.valueTier(), e.productLine(), e.occurredAt(), false);
            }
        } else if (event instanceof OpportunityStageChanged e) {
            if (accept("OPPORTUNITY:" + e.opportunityId(), e.sequence())) {
                if (e.to() == OpportunityStage.LOST) {
                    stop(ClockIds.firstContact(e.opportunityId()), ClockStatus.CANCELLED, e.occurredAt());
                } else if (e.to().ordinal() >= OpportunityStage.CONTACTED.ordinal()) {
                    stop(ClockIds.firstContact(e.opportunityId()), ClockStatus.STOPPED, e.occurredAt());
                }
            }
        } else if (event instanceof ApprovalRequested e) {
            if (accept("APPLICATION:" + e.applicationNo(), e.sequence())) {
                String responsible = e.approverId() != null ? e.approverId() : e.requestedBy();
                startOrReassign(ClockIds.approvalDecision(e.approvalId()), ClockType.APPROVAL_DECISION,
                        SlaSubjectType.APPROVAL, e.approvalId(), null, e.kind(), e.customerId(), responsible,
                        null, e.valueTier(), e.productLine(), e.occurredAt(), false);
            }
        } else if (event instanceof ApprovalDecided e) {
            if (accept("APPLICATION:" + e.applicationNo(), e.sequence())) {
                stop(ClockIds.approvalDecision(e.approvalId()), ClockStatus.STOPPED, e.occurredAt());
            }
        } else if (event instanceof OrderSubmitted e) {
            if (accept("ORDER:" + e.orderId(), e.sequence())) {
                rememberTeam(e.orderId(), e.teamId());
                if (e.state() == OrderState.HELD) {
                    setHeld(e.orderId(), true);
                }
                if (!e.state().isFinal()) {
                    startOrReassign(ClockIds.orderTotal(e.orderId()), ClockType.ORDER_TOTAL, SlaSubjectType.ORDER,
                            e.orderId(), null, null, e.customerId(), e.ownerId(), teamOf(e.orderId()),
                            e.valueTier(), e.productLine(), e.occurredAt(), e.state() == OrderState.HELD);
                }
            }
        } else if (event instanceof OrderStateChanged e) {
            if (accept("ORDER:" + e.orderId(), e.sequence())) {
                orderStateChanged(e);
            }
        } else if (event instanceof OrderMilestoneReached e) {
            if (accept("ORDER:" + e.orderId(), e.sequence())) {
                milestoneReached(e);
            }
        } else if (event instanceof OrderCompleted e) {
            if (accept("ORDER:" + e.orderId(), e.sequence())) {
                stopAll(e.orderId(), ClockStatus.STOPPED, e.occurredAt());
            }
        }
    }

    private void orderStateChanged(OrderStateChanged e) {
        OrderState to = e.to();
        if (to == OrderState.HELD) {
            setHeld(e.orderId(), true);
            forEachOrderClock(e.orderId(), clock -> clock.status() == ClockStatus.RUNNING
                    ? clock.withStatus(termsOf(clock), ClockStatus.PAUSED, e.occurredAt()) : null);
        } else if (to == OrderState.COMPLETED || to == OrderState.PARTIAL) {
            stopAll(e.orderId(), ClockStatus.STOPPED, e.occurredAt());
        } else if (to.isFinal()) {
            stopAll(e.orderId(), ClockStatus.CANCELLED, e.occurredAt());
        } else {
            if (held(e.orderId())) {
                resume(e.orderId(), e.occurredAt());
            }
            if (to == OrderState.ACKNOWLEDGED || to == OrderState.IN_PROGRESS) {
                startOrReassign(ClockIds.orderTotal(e.orderId()), ClockType.ORDER_TOTAL, SlaSubjectType.ORDER,
                        e.orderId(), null, null, e.customerId(), e.ownerId(), teamOf(e.orderId()), e.valueTier(),
                        e.productLine(), e.occurredAt(), false);
            }
        }
    }

    private void milestoneReached(OrderMilestoneReached e) {
        switch (e.kind()) {
            case HELD -> {
                setHeld(e.orderId(), true);
                forEachOrderClock(e.orderId(), clock -> clock.status() == ClockStatus.RUNNING
                        ? clock.withStatus(termsOf(clock), ClockStatus.PAUSED, e.occurredAt()) : null);
            }
            case RESUMED -> resume(e.orderId(), e.occurredAt());
            case MILESTONE_STARTED -> startMilestone(e, e.milestone());
            case MILESTONE_COMPLETED -> {
                stop(ClockIds.milestone(e.orderId(), e.milestone()), ClockStatus.STOPPED, e.occurredAt());
                // the next milestone's time counts from this one's completion
                Milestone[] all = Milestone.values();
                if (e.milestone().ordinal() + 1 < all.length) {
                    startMilestone(e, all[e.milestone().ordinal() + 1]);
                }
            }
            case MILESTONE_FAILED -> {
                // the milestone is re-worked; its clock keeps running
            }
        }
    }

    private void startMilestone(OrderMilestoneReached e, Milestone milestone) {
        startOrReassign(ClockIds.milestone(e.orderId(), milestone), ClockType.ORDER_MILESTONE, SlaSubjectType.ORDER,
                e.orderId(), milestone, null, e.customerId(), e.ownerId(), teamOf(e.orderId()), e.valueTier(),
                e.productLine(), e.occurredAt(), held(e.orderId()));
    }

    private void resume(String orderId, Instant at) {
        setHeld(orderId, false);
        forEachOrderClock(orderId, clock -> clock.status() == ClockStatus.PAUSED
                ? clock.withStatus(termsOf(clock), ClockStatus.RUNNING, at) : null);
    }

    private void stopAll(String orderId, ClockStatus status, Instant at) {
        List<String> ids = new ArrayList<>();
        try (KeyValueIterator<String, ClockState> it = clocks.prefixScan(ClockIds.orderPrefix(orderId),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            it.forEachRemaining(kv -> ids.add(kv.key));
        }
        ids.forEach(id -> stop(id, status, at));
    }

    private void forEachOrderClock(String orderId, java.util.function.UnaryOperator<ClockState> change) {
        List<ClockState> changed = new ArrayList<>();
        try (KeyValueIterator<String, ClockState> it = clocks.prefixScan(ClockIds.orderPrefix(orderId),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            while (it.hasNext()) {
                ClockState next = change.apply(it.next().value);
                if (next != null) {
                    changed.add(next);
                }
            }
        }
        changed.forEach(this::save);
    }

    /** True (and remembered) when the sequence is above the last applied for the subject. */
    private boolean accept(String subjectKey, long sequence) {
        AggregateState state = subjects.get(subjectKey);
        if (state != null && sequence <= state.lastSequence()) {
            Log.debugf("Late or duplicate event %s #%d ignored (at #%d)", subjectKey, sequence, state.lastSequence());
            return false;
        }
        subjects.put(subjectKey, state == null ? new AggregateState(sequence, false, null) : state.withSequence(sequence));
        return true;
    }

    private boolean held(String orderId) {
        AggregateState state = subjects.get("ORDER:" + orderId);
        return state != null && state.held();
    }

    private void setHeld(String orderId, boolean held) {
        AggregateState state = subjects.get("ORDER:" + orderId);
        subjects.put("ORDER:" + orderId, state == null ? new AggregateState(0, held, null) : state.withHeld(held));
    }

    /** Order events after the submission do not name the team: the subject keeps the one it was submitted with. */
    private void rememberTeam(String orderId, String teamId) {
        AggregateState state = subjects.get("ORDER:" + orderId);
        if (teamId != null && state != null) {
            subjects.put("ORDER:" + orderId, state.withTeam(teamId));
        }
    }

    private String teamOf(String orderId) {
        AggregateState state = subjects.get("ORDER:" + orderId);
        return state == null ? null : state.teamId();
    }

    // ---------------------------------------------------------------------------------------- clock changes

    private void startOrReassign(String clockId, ClockType type, SlaSubjectType subjectType, String subjectId,
            Milestone milestone, ApprovalKind approvalKind, String customerId, String responsible, String teamId,
            ValueTier eventTier, ProductLine line, Instant at, boolean paused) {
        ClockState existing = clocks.get(clockId);
        if (existing != null) {
            if (!existing.status().isFinal() && !existing.responsibleUserId().equals(responsible)) {
                save(existing.withResponsible(responsible, teamId)); // reassigned: same clock, new owner
            }
            return;
        }
        ValueTier tier = tierOf(customerId, eventTier);
        Optional<SlaPolicy> policy = policies.match(type, tier, line, milestone, approvalKind);
        if (policy.isEmpty()) {
            Log.warnf("No SLA policy for %s %s %s%s: clock %s not started", type, tier, line,
                    milestone == null ? "" : " " + milestone, clockId);
            return;
        }
        keepVersion(policy.get());
        save(ClockState.start(clockId, type, subjectType, subjectId, milestone, customerId, responsible, teamId, tier,
                line, policy.get(), at, paused));
    }

    /** A clock names its policy version; the version itself is stored once per task, the first time it is used. */
    private void keepVersion(SlaPolicy policy) {
        String key = ClockTerms.versionKey(policy.policyId(), policy.version());
        if (!terms.containsKey(key)) {
            if (policyVersions.get(key) == null) {
                policyVersions.put(key, policy);
            }
            terms.put(key, ClockTerms.of(policy));
        }
    }

    private ClockTerms termsOf(ClockState clock) {
        return terms.computeIfAbsent(clock.policyKey(), key -> {
            SlaPolicy policy = policyVersions.get(key);
            if (policy == null) {
                throw new IllegalStateException("policy version " + key + " of clock " + clock.clockId() + " is not kept");
            }
            return ClockTerms.of(policy);
        });
    }

    /** The customer's current tier from the customers table; the event's when the customer is unknown here. */
    private ValueTier tierOf(String customerId, ValueTier eventTier) {
        if (customerId == null) {
            return eventTier;
        }
        CustomerSnapshot customer = customers.get(customerId);
        return customer != null ? customer.valueTier() : eventTier;
    }

    private void stop(String clockId, ClockStatus status, Instant at) {
        ClockState clock = clocks.get(clockId);
        if (clock == null || clock.status().isFinal()) {
            return;
        }
        ClockTerms clockTerms = termsOf(clock);
        Instant dueAt = clock.targetDueAt(clockTerms, at);
        ClockState stopped = clock.withStatus(clockTerms, status, at);
        AlertKind kind = status == ClockStatus.CANCELLED ? AlertKind.CANCELLED : AlertKind.MET;
        Threshold closing = new Threshold(kind, 0, Duration.ZERO, null);
        if (!stopped.emitted().contains(closing.slot())) {
            emit(stopped.closing(kind, dueAt, at, now()));
            stopped = stopped.withEmitted(closing);
        }
        save(stopped);
    }

    /** Stores the clock and moves its entry in the due-time index to its next threshold (or removes it). */
    private void save(ClockState clock) {
        ClockTerms clockTerms = termsOf(clock);
        String newKey = clock.nextThreshold(clockTerms)
                .map(t -> indexKey(clock.dueOf(clockTerms, t.offset(), now()), clock.clockId()))
                .orElse(null);
        String oldKey = clock.indexKey();
        if (oldKey != null && !oldKey.equals(newKey)) {
            dueIndex.delete(oldKey);
        }
        if (newKey != null && !newKey.equals(oldKey)) {
            dueIndex.put(newKey, clock.clockId());
        }
        clocks.put(clock.clockId(), clock.withIndexKey(newKey));
    }

    // ---------------------------------------------------------------------------------------- firing

    /**
     * Fires the thresholds that are due, in due-time order (the index is sorted by due time, so this reads only
     * what is due), for at most the fire budget; what is left fires at the next punctuation, after a commit.
     */
    void fireDue(long wallClockMs) {
        long started = System.nanoTime();
        String upTo = indexKey(wallClockMs + 1);
        while (true) {
            List<KeyValue<String, String>> due = new ArrayList<>(FIRE_CHUNK);
            try (KeyValueIterator<String, String> it = dueIndex.range(indexKey(0), upTo)) {
                while (it.hasNext() && due.size() < FIRE_CHUNK) {
                    due.add(it.next());
                }
            }
            // firedAt is the real moment of firing, not the punctuation's start
            Instant now = Instant.ofEpochMilli(wallClockMs + (System.nanoTime() - started) / 1_000_000);
            for (KeyValue<String, String> entry : due) {
                fire(entry, now);
            }
            if (due.size() < FIRE_CHUNK || System.nanoTime() - started >= fireBudgetNanos) {
                return;
            }
        }
    }

    private void fire(KeyValue<String, String> entry, Instant now) {
        ClockState clock = clocks.get(entry.value);
        if (clock == null || !entry.key.equals(clock.indexKey())) {
            dueIndex.delete(entry.key); // stale entry of a clock that moved on
            return;
        }
        ClockTerms clockTerms = termsOf(clock);
        ClockState next = clock;
        Optional<Threshold> threshold = next.nextThreshold(clockTerms);
        while (threshold.isPresent()) {
            Instant dueAt = next.dueOf(clockTerms, threshold.get().offset(), now);
            if (dueAt.isAfter(now)) {
                break;
            }
            emit(next.alert(threshold.get(), dueAt, now));
            FIRING_LATENESS.record(Duration.between(dueAt, now));
            next = next.withEmitted(threshold.get());
            threshold = next.nextThreshold(clockTerms);
        }
        save(next);
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }

    private static String indexKey(Instant due, String clockId) {
        return indexKey(Math.max(0, due.toEpochMilli())) + "|" + clockId;
    }

    private static String indexKey(long epochMs) {
        return String.format("%013d", epochMs);
    }

    // ---------------------------------------------------------------------------------------- output

    private void emit(SlaAlert alert) {
        Headers headers = new RecordHeaders();
        headers.add(CloudEvents.SPEC_VERSION, bytes(CloudEvents.SPEC_VERSION_1_0));
        // the alert id is unique per clock, kind and level: a consumer recognises a re-fired alert by ce_id
        headers.add(CloudEvents.ID, bytes(alert.alertId()));
        headers.add(CloudEvents.TYPE, bytes(EventTypes.SLA_ALERT.name()));
        headers.add(CloudEvents.SOURCE, bytes(SOURCE));
        headers.add(CloudEvents.SUBJECT, bytes(alert.clockId()));
        headers.add(CloudEvents.TIME, bytes(alert.occurredAt().toString()));
        headers.add(CloudEvents.CONTENT_TYPE, bytes(CloudEvents.APPLICATION_JSON));
        context.forward(new Record<String, Object>(alert.clockId(), alert, context.currentSystemTimeMs(), headers),
                SlaTopology.ALERTS_SINK);
    }

    private void deadLetter(Record<String, byte[]> record, String reason) {
        Headers headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header.key().startsWith("ce_") || header.key().equals(CloudEvents.CONTENT_TYPE)
                    ? DeadLetterHeaders.ORIGINAL_PREFIX + header.key() : header.key(), header.value());
        }
        headers.add(DeadLetterHeaders.REASON, bytes(reason));
        headers.add(DeadLetterHeaders.CONSUMER, bytes(CONSUMER));
        Optional<RecordMetadata> source = context.recordMetadata();
        source.ifPresent(m -> {
            headers.add(DeadLetterHeaders.TOPIC, bytes(m.topic()));
            headers.add(DeadLetterHeaders.PARTITION, bytes(Integer.toString(m.partition())));
            headers.add(DeadLetterHeaders.OFFSET, bytes(Long.toString(m.offset())));
        });
        Log.warnf("Dead letter %s: %s", record.key(), reason);
        io.micrometer.core.instrument.Metrics.counter("esop.dead.letters", "topic",
                source.map(RecordMetadata::topic).orElse("unknown"), "consumer", CONSUMER).increment();
        context.forward(new Record<String, Object>(record.key(), record.value(), record.timestamp(), headers),
                SlaTopology.DLQ_SINK);
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

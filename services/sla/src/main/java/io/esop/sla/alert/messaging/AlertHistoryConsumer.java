package io.esop.sla.alert.messaging;

import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.Topics;
import io.esop.contracts.sla.SlaAlert;
import io.esop.eventing.CloudEventHeaders;
import io.esop.eventing.deadletter.DeadLetterSource;
import io.esop.eventing.deadletter.DeadLetters;
import io.esop.eventing.inbox.Inbox;
import io.esop.sla.alert.StaffMember;
import io.esop.sla.policy.PolicyVersion;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;

/** Keeps the alert history: each alert once (inbox in the same transaction), acknowledged after commit. */
@ApplicationScoped
public class AlertHistoryConsumer {

    static final String CONSUMER = "sla.alert-history";

    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final ObjectMapper mapper;

    AlertHistoryConsumer(Inbox inbox, DeadLetters deadLetters, ObjectMapper mapper) {
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.mapper = mapper;
    }

    /** One record of a batch, read: an alert, or why it cannot be read. */
    private record Item(ConsumerRecord<String, byte[]> record, String eventId, SlaAlert alert, String unreadable) {
    }

    /**
     * One database transaction per polled batch (up to {@code max.poll.records}) with a few set-based statements:
     * the inbox marks of the batch (one statement), the alerts (one insert, a repeated alertId does nothing) and
     * the dead letters. A burst of 100,000 alerts costs a few hundred small transactions and no per-alert round
     * trip, which leaves the CPU to the engine that is firing them. The batch is acknowledged after the commit.
     */
    @Incoming("sla-alerts-in")
    public Uni<Void> consume(Message<List<byte[]>> batch) {
        IncomingKafkaRecordBatchMetadata<String, byte[]> metadata = batch
                .getMetadata(IncomingKafkaRecordBatchMetadata.class).orElseThrow();
        List<Item> items = new ArrayList<>();
        metadata.getRecords().forEach(record -> items.add(read(record)));
        if (items.isEmpty()) {
            return Uni.createFrom().completionStage(batch.ack());
        }
        return Panache.withTransaction(() -> inbox
                .firstDeliveries(CONSUMER, items.stream().map(Item::eventId).toList())
                .chain(first -> {
                    List<Item> fresh = new ArrayList<>();
                    for (Item item : items) {
                        if (first.remove(item.eventId())) { // a record twice in the batch counts once
                            fresh.add(item);
                        }
                    }
                    return completeAll(fresh.stream().filter(i -> i.alert() != null).map(Item::alert).toList())
                            .chain(this::insert)
                            .chain(() -> deadLetters(fresh.stream().filter(i -> i.alert() == null).toList()));
                }))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    private Item read(ConsumerRecord<String, byte[]> kafka) {
        String eventId = Optional.ofNullable(CloudEventHeaders.id(kafka.headers()))
                .orElse(kafka.topic() + "/" + kafka.partition() + "/" + kafka.offset());
        try {
            return new Item(kafka, eventId, mapper.readValue(kafka.value(), SlaAlert.class), null);
        } catch (IOException | RuntimeException e) {
            return new Item(kafka, eventId, null, "unreadable esop.sla.alert.v1: " + e.getMessage());
        }
    }

    /** An alert to keep, with the team, tier and line it is counted under. */
    private record Row(SlaAlert alert, String teamId, String valueTier, String productLine) {
    }

    /**
     * Team, tier and product line of each alert: an alert names them itself (the engine puts them in); one from an
     * older engine is completed from the staff directory and the policy version, one lookup each.
     */
    private Uni<List<Row>> completeAll(List<SlaAlert> alerts) {
        List<Row> rows = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (SlaAlert a : alerts) {
            if (a.teamId() != null && a.valueTier() != null && a.productLine() != null) {
                rows.add(new Row(a, a.teamId(), a.valueTier().name(), a.productLine().name()));
                continue;
            }
            chain = chain.chain(() -> StaffMember.<StaffMember>findById(a.responsibleUserId())
                    .chain(staff -> PolicyVersion.<PolicyVersion>find("policyId = ?1 and version = ?2",
                            a.policyId(), a.policyVersion()).firstResult()
                            .invoke(policy -> rows.add(new Row(a,
                                    a.teamId() != null ? a.teamId() : staff == null ? null : staff.teamId,
                                    policy == null ? null : policy.valueTier,
                                    policy == null ? null : policy.productLine))))
                    .replaceWithVoid());
        }
        return chain.replaceWith(rows);
    }

    /** The batch's alerts with one statement; an alertId already kept (re-sent under another ce_id) does nothing. */
    private Uni<Void> insert(List<Row> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Map<String, Object>> json = new ArrayList<>(rows.size());
        for (Row row : rows) {
            SlaAlert a = row.alert();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("alert_id", a.alertId());
            r.put("clock_id", a.clockId());
            r.put("clock_type", a.clockType().name());
            r.put("kind", a.kind().name());
            r.put("level", a.level());
            r.put("subject_type", a.subjectType().name());
            r.put("subject_id", a.subjectId());
            r.put("milestone", a.milestone() == null ? null : a.milestone().name());
            r.put("customer_id", a.customerId());
            r.put("responsible_user_id", a.responsibleUserId());
            r.put("team_id", row.teamId());
            r.put("notify_role", a.notifyRole() == null ? null : a.notifyRole().name());
            r.put("due_at", micros(a.dueAt()));
            r.put("fired_at", micros(a.firedAt()));
            r.put("occurred_at", micros(a.occurredAt()));
            r.put("policy_id", a.policyId());
            r.put("policy_version", a.policyVersion());
            r.put("value_tier", row.valueTier());
            r.put("product_line", row.productLine());
            json.add(r);
        }
        String parameter;
        try {
            parameter = mapper.writeValueAsString(json);
        } catch (IOException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("rows", parameter)
                .executeUpdate())
                .replaceWithVoid();
    }

    private static final String INSERT = """
            insert into sla_alert (alert_id, clock_id, clock_type, kind, level, subject_type, subject_id, milestone,
                                   customer_id, responsible_user_id, team_id, notify_role, due_at, fired_at,
                                   occurred_at, policy_id, policy_version, value_tier, product_line)
            select r.alert_id, r.clock_id, r.clock_type, r.kind, r.level, r.subject_type, r.subject_id, r.milestone,
                   r.customer_id, r.responsible_user_id, r.team_id, r.notify_role, cast(r.due_at as timestamptz),
                   cast(r.fired_at as timestamptz), cast(r.occurred_at as timestamptz), r.policy_id,
                   r.policy_version, r.value_tier, r.product_line
            from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                 as r(alert_id text, clock_id text, clock_type text, kind text, level int, subject_type text,
                      subject_id text, milestone text, customer_id text, responsible_user_id text, team_id text,
                      notify_role text, due_at text, fired_at text, occurred_at text, policy_id text,
                      policy_version int, value_tier text, product_line text)
            on conflict (alert_id) do nothing""";

    private static String micros(java.time.Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).toString();
    }

    /** Unreadable records to the dead-letter topic, with one outbox statement for the batch. */
    private Uni<Void> deadLetters(List<Item> unreadable) {
        if (unreadable.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<DeadLetterSource> sources = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (Item item : unreadable) {
            ConsumerRecord<String, byte[]> r = item.record();
            sources.add(DeadLetterSource.of(r.topic(), r.partition(), r.offset(), r.key(), r.value(), r.headers()));
            reasons.add(item.unreadable());
        }
        return deadLetters.sendAll(Topics.SLA_DLQ, CONSUMER, sources, reasons).replaceWithVoid();
    }
}

package io.esop.opportunity.opportunity.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.hibernate.reactive.mutiny.Mutiny;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.EventTypes;
import io.esop.contracts.Industry;
import io.esop.contracts.ValueTier;
import io.esop.contracts.opportunity.OpportunityCreated;
import io.esop.contracts.opportunity.OpportunityMerged;
import io.esop.contracts.opportunity.OpportunityStage;
import io.esop.contracts.signal.Prospect;
import io.esop.contracts.signal.Signal;
import io.esop.opportunity.config.OpportunityConfig;
import io.esop.opportunity.opportunity.Opportunity;
import io.esop.opportunity.opportunity.ScoreBreakdown;
import io.esop.opportunity.opportunity.SignalRecord;
import io.esop.opportunity.opportunity.service.OpportunityAssigner.Directory;
import io.esop.opportunity.opportunity.service.OpportunityScorer.Evidence;
import io.esop.opportunity.readmodel.CustomerView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A batch of valid signals, inside the caller's transaction, with a handful of set-based statements
 * whatever the batch's size: a repeated id does nothing (the primary key of {@code signal} decides); a
 * signal for the same customer (credit code), product line and intent as a mergeable opportunity within
 * the merge window joins it; anything else creates an opportunity, scores and places it. Two signals of
 * one opportunity in the same batch: the first creates it, the second merges into it.
 * <p>
 * Concurrent batches (copies of the channel, replicas) that touch the same (customer, product line,
 * intent) take a transaction-scoped advisory lock on it first, in one sorted order, so they wait for each
 * other instead of racing; the partial unique index {@code opportunity_one_mergeable} stays the truth (a
 * violation rolls the batch back and the consumer retries it).
 */
@ApplicationScoped
public class SignalPipeline {

    public enum Outcome {
        CREATED, MERGED, DUPLICATE, UNPLACEABLE
    }

    /** What became of one signal; {@code reason} for an unplaceable one (a dead letter). */
    public record Result(Outcome outcome, String reason) {
    }

    private static final int FLUSH_BATCH = 200;

    private final OpportunityConfig config;
    private final OpportunityScorer scorer;
    private final OpportunityAssigner assigner;
    private final OpportunityEvents events;
    private final ObjectMapper objectMapper;

    public SignalPipeline(OpportunityConfig config, OpportunityScorer scorer, OpportunityAssigner assigner,
            OpportunityEvents events, ObjectMapper objectMapper) {
        this.config = config;
        this.scorer = scorer;
        this.assigner = assigner;
        this.events = events;
        this.objectMapper = objectMapper;
    }

    /** The signals (distinct ids, in stream order) to results by signal id. Needs the caller's transaction. */
    public Uni<Map<String, Result>> apply(List<Signal> signals) {
        Map<String, Result> results = new LinkedHashMap<>();
        if (signals.isEmpty()) {
            return Uni.createFrom().item(results);
        }
        return Panache.getSession().chain(session -> customers(signals).chain(customers -> {
            List<Signal> placeable = new ArrayList<>();
            Map<String, CustomerView> customerOf = new HashMap<>();
            Map<String, String> mergeKeyOf = new HashMap<>();
            for (Signal s : signals) {
                CustomerView customer = customers.of(s);
                if (customer == null && s.prospect() == null) {
                    results.put(s.signalId(), new Result(Outcome.UNPLACEABLE,
                            "customerId: unknown customer " + s.customerId() + " and no prospect to fall back on"));
                    continue;
                }
                placeable.add(s);
                customerOf.put(s.signalId(), customer);
                mergeKeyOf.put(s.signalId(), mergeKey(s, customer));
            }
            if (placeable.isEmpty()) {
                return Uni.createFrom().item(results);
            }
            Set<String> groups = new TreeSet<>();
            placeable.forEach(s -> groups.add(group(mergeKeyOf.get(s.signalId()), s)));
            return lock(session, groups)
                    .chain(() -> claim(session, placeable))
                    .chain(claimed -> {
                        List<Signal> fresh = new ArrayList<>();
                        for (Signal s : placeable) {
                            if (claimed.contains(s.signalId())) {
                                fresh.add(s);
                            } else {
                                results.put(s.signalId(), new Result(Outcome.DUPLICATE, null));
                            }
                        }
                        if (fresh.isEmpty()) {
                            return Uni.createFrom().item(results);
                        }
                        return route(session, fresh, customerOf, mergeKeyOf, results);
                    });
        }));
    }

    /** The known customers of a batch, by id and by credit code (one query). */
    private record Customers(Map<String, CustomerView> byId, Map<String, CustomerView> byCreditCode) {

        CustomerView of(Signal s) {
            CustomerView c = s.customerId() == null ? null : byId.get(s.customerId());
            if (c == null && s.prospect() != null && s.prospect().creditCode() != null) {
                c = byCreditCode.get(s.prospect().creditCode());
            }
            return c;
        }
    }

    private static Uni<Customers> customers(List<Signal> signals) {
        Set<String> ids = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (Signal s : signals) {
            if (s.customerId() != null) {
                ids.add(s.customerId());
            }
            if (s.prospect() != null && s.prospect().creditCode() != null) {
                codes.add(s.prospect().creditCode());
            }
        }
        if (ids.isEmpty() && codes.isEmpty()) {
            return Uni.createFrom().item(new Customers(Map.of(), Map.of()));
        }
        // an empty IN list is not valid SQL: a value no id or code has
        ids.add("");
        codes.add("");
        return CustomerView.<CustomerView>list("customerId in ?1 or creditCode in ?2 order by customerId", ids, codes)
                .map(list -> {
                    Map<String, CustomerView> byId = new HashMap<>();
                    Map<String, CustomerView> byCode = new HashMap<>();
                    for (CustomerView c : list) {
                        byId.put(c.customerId, c);
                        byCode.putIfAbsent(c.creditCode, c);
                    }
                    return new Customers(byId, byCode);
                });
    }

    /** Transaction-scoped advisory locks on the batch's (merge key, product line, intent), in sorted order. */
    private Uni<Void> lock(Mutiny.Session session, Set<String> groups) {
        return session.createNativeQuery("""
                        select count(*) from (
                            select pg_advisory_xact_lock(h) from (
                                select distinct hashtextextended(g, 0) as h
                                from jsonb_array_elements_text(cast(cast(:groups as text) as jsonb)) as g
                                order by 1) sorted) locked""", Long.class)
                .setParameter("groups", json(groups))
                .getSingleResult()
                .replaceWithVoid();
    }

    /** Records the signal ids; returns those seen for the first time (the primary key decides). */
    private Uni<Set<String>> claim(Mutiny.Session session, List<Signal> signals) {
        List<Map<String, Object>> rows = new ArrayList<>(signals.size());
        for (Signal s : signals) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("signal_id", s.signalId());
            row.put("source", s.source().name());
            row.put("strength", s.strength());
            row.put("estimated_monthly_value", s.estimatedMonthlyValue());
            row.put("observed_at", s.observedAt().toString());
            row.put("detail", s.detail());
            row.put("captured_by", s.capturedBy());
            rows.add(row);
        }
        return session.createNativeQuery("""
                        insert into signal (signal_id, outcome, source, strength, estimated_monthly_value, observed_at,
                                            detail, captured_by, received_at)
                        select r.signal_id, 'RECEIVED', r.source, r.strength, r.estimated_monthly_value,
                               cast(r.observed_at as timestamptz), r.detail, r.captured_by, now()
                        from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                             as r(signal_id text, source text, strength double precision, estimated_monthly_value numeric,
                                  observed_at text, detail text, captured_by text)
                        on conflict (signal_id) do nothing
                        returning signal_id""", String.class)
                .setParameter("rows", json(rows))
                .getResultList()
                .map(HashSet::new);
    }

    /** Merges or creates, in memory and in stream order, then writes everything with a few statements. */
    private Uni<Map<String, Result>> route(Mutiny.Session session, List<Signal> fresh,
            Map<String, CustomerView> customerOf, Map<String, String> mergeKeyOf, Map<String, Result> results) {
        Set<String> keys = new HashSet<>(mergeKeyOf.values());
        return Opportunity.<Opportunity>find("mergeKey in ?1 and mergeable = true order by id", keys)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list()
                .chain(open -> evidence(open).chain(evidence -> assigner.directory().chain(directory -> {
                    boolean loads = fresh.stream()
                            .anyMatch(s -> directory.mayAskPool(customerOf.get(s.signalId()), s));
                    return loads ? assigner.readLoads(directory) : Uni.createFrom().item(directory);
                }).chain(directory -> {
                    Map<String, Opportunity> mergeable = new HashMap<>();
                    open.forEach(o -> mergeable.put(group(o.mergeKey, o.productLine.name(), o.intent.name()), o));
                    OpportunityEvents.Batch batch = events.batch();
                    List<Opportunity> created = new ArrayList<>();
                    List<Map<String, Object>> links = new ArrayList<>();
                    for (Signal s : fresh) {
                        CustomerView customer = customerOf.get(s.signalId());
                        String mergeKey = mergeKeyOf.get(s.signalId());
                        String group = group(mergeKey, s);
                        Opportunity into = mergeable.get(group);
                        Opportunity target;
                        Outcome outcome;
                        if (into != null && Duration.between(into.lastSignalAt, s.observedAt()).abs()
                                .compareTo(config.mergeWindow()) <= 0) {
                            merge(into, s, evidence.computeIfAbsent(into.id, id -> new ArrayList<>()), batch);
                            target = into;
                            outcome = Outcome.MERGED;
                        } else {
                            // later evidence beyond the window starts a new opportunity (the old one stays open);
                            // evidence older than the open one's window is its own, historic opportunity
                            boolean later = into == null || s.observedAt().isAfter(into.lastSignalAt);
                            if (into != null && later) {
                                into.mergeable = false;
                            }
                            target = create(s, customer, mergeKey, later, directory, batch);
                            evidence.put(target.id, new ArrayList<>(List.of(evidence(s))));
                            created.add(target);
                            if (later) {
                                mergeable.put(group, target);
                            }
                            outcome = Outcome.CREATED;
                        }
                        results.put(s.signalId(), new Result(outcome, null));
                        Map<String, Object> link = new LinkedHashMap<>();
                        link.put("signal_id", s.signalId());
                        link.put("opportunity_id", target.id);
                        link.put("outcome", outcome.name());
                        links.add(link);
                    }
                    session.setBatchSize(FLUSH_BATCH);
                    // the updates first (an opportunity no longer mergeable), then the new rows: the unique index
                    // on mergeable opportunities never sees two at once
                    return session.flush()
                            .chain(() -> session.persistAll(created.toArray()))
                            .chain(session::flush)
                            .chain(() -> link(session, links))
                            .chain(() -> events.write(batch))
                            .replaceWith(results);
                })));
    }

    /** The evidence of the opportunities a batch may merge into (one query), by opportunity id. */
    private static Uni<Map<String, List<Evidence>>> evidence(List<Opportunity> open) {
        Map<String, List<Evidence>> byOpportunity = new HashMap<>();
        if (open.isEmpty()) {
            return Uni.createFrom().item(byOpportunity);
        }
        return SignalRecord.<SignalRecord>list("opportunityId in ?1", open.stream().map(o -> o.id).toList())
                .map(records -> {
                    records.forEach(r -> byOpportunity.computeIfAbsent(r.opportunityId, id -> new ArrayList<>())
                            .add(new Evidence(r.source, r.strength, r.estimatedMonthlyValue, r.observedAt)));
                    return byOpportunity;
                });
    }

    /** Same customer: the credit code identifies a company; a prospect without one, its contact phone. */
    static String mergeKey(Signal signal, CustomerView customer) {
        if (customer != null) {
            return "cc:" + customer.creditCode;
        }
        Prospect p = signal.prospect();
        if (p.creditCode() != null) {
            return "cc:" + p.creditCode();
        }
        return "phone:" + p.contactPhone().replaceAll("[^0-9+]", "");
    }

    private static String group(String mergeKey, Signal s) {
        return group(mergeKey, s.productLine().name(), s.intent().name());
    }

    private static String group(String mergeKey, String productLine, String intent) {
        return mergeKey + "|" + productLine + "|" + intent;
    }

    private Opportunity create(Signal s, CustomerView customer, String mergeKey, boolean mergeable,
            Directory directory, OpportunityEvents.Batch batch) {
        Instant now = OpportunityEvents.now();
        Opportunity o = new Opportunity();
        o.id = "opp-" + UUID.randomUUID();
        o.mergeKey = mergeKey;
        o.mergeable = mergeable;
        o.customerId = customer != null ? customer.customerId : s.customerId();
        Prospect p = s.prospect();
        if (p != null) {
            o.prospectName = p.name();
            o.prospectCreditCode = p.creditCode();
            o.prospectContactName = p.contactName();
            o.prospectContactPhone = p.contactPhone();
        }
        o.region = customer != null ? customer.region : p.region();
        o.industry = customer != null ? customer.industry : p.industry() == null ? null : p.industry().name();
        o.productLine = s.productLine();
        o.intent = s.intent();
        o.valueTier = customer != null ? ValueTier.valueOf(customer.valueTier)
                : OpportunityScorer.estimateTier(s.estimatedMonthlyValue());
        o.source = s.source();
        o.estimatedMonthlyValue = s.estimatedMonthlyValue();
        o.stage = OpportunityStage.NEW;
        o.signalCount = 1;
        o.lastSignalAt = s.observedAt();
        o.sequence = 0;
        o.createdAt = now;
        o.updatedAt = now;
        setScore(o, scorer.score(o.valueTier, o.intent, List.of(evidence(s)), now));
        Prospect eventProspect = o.customerId == null || customer == null ? p : null;
        batch.emit(o, EventTypes.OPPORTUNITY_CREATED, seq -> new OpportunityCreated(o.id, seq, s.signalId(),
                s.source(), customer != null ? o.customerId : null, customer != null ? null : eventProspect, o.region,
                o.industry == null ? null : Industry.valueOf(o.industry), o.productLine, o.intent, o.valueTier,
                o.eventScore(), o.estimatedMonthlyValue, now), s.capturedBy(),
                "created from " + s.source() + " signal " + s.signalId() + ", score " + o.score);
        assigner.place(o, customer, s, directory, batch);
        return o;
    }

    private void merge(Opportunity o, Signal s, List<Evidence> evidence, OpportunityEvents.Batch batch) {
        evidence.add(evidence(s));
        Instant now = OpportunityEvents.now();
        setScore(o, scorer.score(o.valueTier, o.intent, evidence, now));
        o.signalCount = evidence.size();
        if (s.observedAt().isAfter(o.lastSignalAt)) {
            o.lastSignalAt = s.observedAt();
        }
        if (s.estimatedMonthlyValue().compareTo(o.estimatedMonthlyValue) > 0) {
            o.estimatedMonthlyValue = s.estimatedMonthlyValue();
        }
        batch.emit(o, EventTypes.OPPORTUNITY_MERGED, seq -> new OpportunityMerged(o.id, seq, s.signalId(),
                s.source(), o.eventScore(), o.estimatedMonthlyValue, now), s.capturedBy(),
                "merged " + s.source() + " signal " + s.signalId() + " (" + o.signalCount + " signals), score "
                        + o.score);
    }

    /** Each claimed signal to its opportunity and outcome (one statement). */
    private Uni<Void> link(Mutiny.Session session, List<Map<String, Object>> links) {
        return session.createNativeQuery("""
                        update signal s set opportunity_id = r.opportunity_id, outcome = r.outcome
                        from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                             as r(signal_id text, opportunity_id text, outcome text)
                        where s.signal_id = r.signal_id""")
                .setParameter("rows", json(links))
                .executeUpdate()
                .replaceWithVoid();
    }

    private void setScore(Opportunity o, ScoreBreakdown breakdown) {
        o.score = breakdown.score();
        o.scoreBreakdown = json(breakdown);
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Evidence evidence(Signal s) {
        return new Evidence(s.source(), s.strength(), s.estimatedMonthlyValue(), s.observedAt());
    }
}

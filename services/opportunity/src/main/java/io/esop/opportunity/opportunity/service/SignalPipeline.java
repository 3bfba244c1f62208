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
 * other instead of racing; the primary key of {@code signal} and the partial unique index
 * {@code opportunity_one_mergeable} stay the truth (a violation rolls the batch back and the consumer
 * retries it). Everything read is detached before the writes, which are native statements taking the
 * batch as one JSON array each: no per-row round trip, no dirty checking.
 */
@ApplicationScoped
public class SignalPipeline {

    public enum Outcome {
        CREATED, MERGED, DUPLICATE, UNPLACEABLE
    }

    /** What became of one signal; {@code reason} for an unplaceable one (a dead letter). */
    public record Result(Outcome outcome, String reason) {
    }

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

    /**
     * The signals (distinct ids, in stream order) to results by signal id. Needs the caller's transaction.
     *
     * @param askDatabase whether to look for ids recorded already; without it the ids are taken as new (Redis
     *        vouched for them), and one recorded after all fails the batch with {@link ConcurrentSignal} when its
     *        row is written: the caller then applies the batch again, asking
     */
    public Uni<Map<String, Result>> apply(List<Signal> signals, boolean askDatabase) {
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
                    .chain(() -> askDatabase ? known(session, placeable) : Uni.createFrom().item(Set.<String>of()))
                    .chain(known -> {
                        List<Signal> fresh = new ArrayList<>();
                        for (Signal s : placeable) {
                            if (known.contains(s.signalId())) {
                                results.put(s.signalId(), new Result(Outcome.DUPLICATE, null));
                            } else {
                                fresh.add(s);
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

    /**
     * Transaction-scoped advisory locks on the batch's (merge key, product line, intent), by their 64-bit hash,
     * taken in sorted order: no two batches deadlock on them, and batches of different customers (signals are
     * keyed by customer, so copies and replicas get different customers) never wait for each other. A batch
     * holds one lock per group it touches, at most {@code max.poll.records} (2,000); PostgreSQL's lock table holds
     * {@code max_locks_per_transaction × max_connections} (19,200 in the local stack, 64,000 in the cluster).
     */
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

    /**
     * The ids already recorded. Read under the batch's advisory locks, so no other batch records one of them
     * meanwhile; the insert of {@link #record} checks it again (the primary key decides).
     */
    private Uni<Set<String>> known(Mutiny.Session session, List<Signal> signals) {
        return session.createNativeQuery("""
                        select signal_id from signal
                        where signal_id in (select jsonb_array_elements_text(cast(cast(:ids as text) as jsonb)))""",
                        String.class)
                .setParameter("ids", json(signals.stream().map(Signal::signalId).toList()))
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
                .chain(open -> assigner.directory().chain(directory -> {
                    boolean loads = fresh.stream()
                            .anyMatch(s -> directory.mayAskPool(customerOf.get(s.signalId()), s));
                    return loads ? assigner.readLoads(directory) : Uni.createFrom().item(directory);
                }).chain(directory -> {
                    Map<String, Opportunity> mergeable = new HashMap<>();
                    open.forEach(o -> mergeable.put(group(o.mergeKey, o.productLine.name(), o.intent.name()), o));
                    OpportunityEvents.Batch batch = events.batch();
                    List<Opportunity> created = new ArrayList<>();
                    Set<Opportunity> changed = new java.util.LinkedHashSet<>();
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (Signal s : fresh) {
                        CustomerView customer = customerOf.get(s.signalId());
                        String mergeKey = mergeKeyOf.get(s.signalId());
                        String group = group(mergeKey, s);
                        Opportunity into = mergeable.get(group);
                        Opportunity target;
                        Outcome outcome;
                        if (into != null && Duration.between(into.lastSignalAt, s.observedAt()).abs()
                                .compareTo(config.mergeWindow()) <= 0) {
                            merge(into, s, batch);
                            changed.add(into);
                            target = into;
                            outcome = Outcome.MERGED;
                        } else {
                            // later evidence beyond the window starts a new opportunity (the old one stays open);
                            // evidence older than the open one's window is its own, historic opportunity
                            boolean later = into == null || s.observedAt().isAfter(into.lastSignalAt);
                            if (into != null && later) {
                                into.mergeable = false;
                                changed.add(into);
                            }
                            target = create(s, customer, mergeKey, later, directory, batch);
                            created.add(target);
                            if (later) {
                                mergeable.put(group, target);
                            }
                            outcome = Outcome.CREATED;
                        }
                        results.put(s.signalId(), new Result(outcome, null));
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("signal_id", s.signalId());
                        row.put("opportunity_id", target.id);
                        row.put("outcome", outcome.name());
                        row.put("source", s.source().name());
                        row.put("strength", s.strength());
                        row.put("estimated_monthly_value", s.estimatedMonthlyValue());
                        row.put("observed_at", s.observedAt().toString());
                        row.put("detail", s.detail());
                        row.put("captured_by", s.capturedBy());
                        rows.add(row);
                    }
                    // the updates first (an opportunity no longer mergeable), then the new rows: the unique index
                    // on mergeable opportunities never sees two at once
                    // everything read is in memory now: detached, so that no native statement below makes Hibernate
                    // dirty-check hundreds of entities; the updates first (an opportunity no longer mergeable), then
                    // the new rows, so the unique index on mergeable opportunities never sees two at once
                    session.clear();
                    changed.removeAll(created);
                    return update(session, changed)
                            .chain(() -> insert(session, created))
                            .chain(() -> record(session, rows))
                            .chain(() -> events.write(batch))
                            .replaceWith(results);
                }));
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
        o.setEvidence(OpportunityScorer.Summary.of(evidence(s)));
        o.sequence = 0;
        o.createdAt = now;
        o.updatedAt = now;
        setScore(o, scorer.score(o.valueTier, o.intent, o.evidence(), now));
        Prospect eventProspect = o.customerId == null || customer == null ? p : null;
        batch.emit(o, EventTypes.OPPORTUNITY_CREATED, seq -> new OpportunityCreated(o.id, seq, s.signalId(),
                s.source(), customer != null ? o.customerId : null, customer != null ? null : eventProspect, o.region,
                o.industry == null ? null : Industry.valueOf(o.industry), o.productLine, o.intent, o.valueTier,
                o.eventScore(), o.score, o.estimatedMonthlyValue, now), s.capturedBy(),
                "created from " + s.source() + " signal " + s.signalId() + ", score " + o.score);
        assigner.place(o, customer, s, directory, batch);
        return o;
    }

    private void merge(Opportunity o, Signal s, OpportunityEvents.Batch batch) {
        // the evidence grows by one (its count, combined strength, best source, highest value, latest observation)
        o.setEvidence(o.evidence().with(evidence(s)));
        Instant now = OpportunityEvents.now();
        setScore(o, scorer.score(o.valueTier, o.intent, o.evidence(), now));
        batch.emit(o, EventTypes.OPPORTUNITY_MERGED, seq -> new OpportunityMerged(o.id, seq, s.signalId(),
                s.source(), o.eventScore(), o.score, o.estimatedMonthlyValue, now, o.creditSplit()), s.capturedBy(),
                "merged " + s.source() + " signal " + s.signalId() + " (" + o.signalCount + " signals), score "
                        + o.score);
    }

    /** What merging changed on the open opportunities of a batch (one statement). */
    private Uni<Void> update(Mutiny.Session session, Set<Opportunity> changed) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Opportunity o : changed) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", o.id);
            row.put("mergeable", o.mergeable);
            row.put("score", o.score);
            row.put("score_breakdown", o.scoreBreakdown);
            row.put("estimated_monthly_value", o.estimatedMonthlyValue);
            row.put("signal_count", o.signalCount);
            row.put("best_source", o.bestSource.name());
            row.put("no_strength", o.noStrength);
            row.put("last_signal_at", o.lastSignalAt.toString());
            row.put("sequence", o.sequence);
            row.put("updated_at", o.updatedAt.toString());
            rows.add(row);
        }
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery("""
                        update opportunity o
                        set mergeable = r.mergeable, score = r.score, score_breakdown = r.score_breakdown,
                            estimated_monthly_value = r.estimated_monthly_value, signal_count = r.signal_count,
                            best_source = r.best_source, no_strength = r.no_strength, last_signal_at = cast(r.last_signal_at as timestamptz), sequence = r.sequence,
                            updated_at = cast(r.updated_at as timestamptz)
                        from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                             as r(id text, mergeable boolean, score int, score_breakdown text,
                                  estimated_monthly_value numeric, signal_count int, best_source text,
                                  no_strength double precision, last_signal_at text, sequence bigint, updated_at text)
                        where o.id = r.id""")
                .setParameter("rows", json(rows))
                .executeUpdate()
                .replaceWithVoid();
    }

    /** The opportunities a batch created, placed, with their first events counted (one statement). */
    private Uni<Void> insert(Mutiny.Session session, List<Opportunity> created) {
        if (created.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Opportunity o : created) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", o.id);
            row.put("merge_key", o.mergeKey);
            row.put("mergeable", o.mergeable);
            row.put("customer_id", o.customerId);
            row.put("prospect_name", o.prospectName);
            row.put("prospect_credit_code", o.prospectCreditCode);
            row.put("prospect_contact_name", o.prospectContactName);
            row.put("prospect_contact_phone", o.prospectContactPhone);
            row.put("region", o.region);
            row.put("industry", o.industry);
            row.put("product_line", o.productLine.name());
            row.put("intent", o.intent.name());
            row.put("value_tier", o.valueTier.name());
            row.put("source", o.source.name());
            row.put("score", o.score);
            row.put("score_breakdown", o.scoreBreakdown);
            row.put("estimated_monthly_value", o.estimatedMonthlyValue);
            row.put("stage", o.stage.name());
            row.put("owner_id", o.ownerId);
            row.put("team_id", o.teamId);
            row.put("director_id", o.directorId);
            row.put("assignment_reason", o.assignmentReason);
            row.put("bidding_closes_at", o.biddingClosesAt == null ? null : o.biddingClosesAt.toString());
            row.put("eligible_manager_ids", o.eligibleManagerIds);
            row.put("owner_share_percent", o.ownerSharePercent);
            row.put("partner_share_percent", o.partnerSharePercent);
            row.put("collaboration_status", o.collaborationStatus.name());
            row.put("signal_count", o.signalCount);
            row.put("best_source", o.bestSource.name());
            row.put("no_strength", o.noStrength);
            row.put("last_signal_at", o.lastSignalAt.toString());
            row.put("sequence", o.sequence);
            row.put("created_at", o.createdAt.toString());
            row.put("updated_at", o.updatedAt.toString());
            rows.add(row);
        }
        return session.createNativeQuery("""
                        insert into opportunity (id, merge_key, mergeable, customer_id, prospect_name, prospect_credit_code,
                            prospect_contact_name, prospect_contact_phone, region, industry, product_line, intent,
                            value_tier, source, score, score_breakdown, estimated_monthly_value, stage, owner_id, team_id,
                            director_id, assignment_reason, bidding_closes_at, eligible_manager_ids, owner_share_percent,
                            partner_share_percent, collaboration_status, signal_count, best_source, no_strength,
                            last_signal_at, sequence, created_at, updated_at)
                        select r.id, r.merge_key, r.mergeable, r.customer_id, r.prospect_name, r.prospect_credit_code,
                            r.prospect_contact_name, r.prospect_contact_phone, r.region, r.industry, r.product_line,
                            r.intent, r.value_tier, r.source, r.score, r.score_breakdown, r.estimated_monthly_value,
                            r.stage, r.owner_id, r.team_id, r.director_id, r.assignment_reason,
                            cast(r.bidding_closes_at as timestamptz), r.eligible_manager_ids, r.owner_share_percent,
                            r.partner_share_percent, r.collaboration_status, r.signal_count, r.best_source,
                            r.no_strength, cast(r.last_signal_at as timestamptz), r.sequence, cast(r.created_at as timestamptz),
                            cast(r.updated_at as timestamptz)
                        from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                             as r(id text, merge_key text, mergeable boolean, customer_id text, prospect_name text,
                                  prospect_credit_code text, prospect_contact_name text, prospect_contact_phone text,
                                  region text, industry text, product_line text, intent text, value_tier text,
                                  source text, score int, score_breakdown text, estimated_monthly_value numeric,
                                  stage text, owner_id text, team_id text, director_id text, assignment_reason text,
                                  bidding_closes_at text, eligible_manager_ids text, owner_share_percent int,
                                  partner_share_percent int, collaboration_status text, signal_count int,
                                  best_source text, no_strength double precision, last_signal_at text, sequence bigint, created_at text, updated_at text)""")
                .setParameter("rows", json(rows))
                .executeUpdate()
                .replaceWithVoid();
    }

    /**
     * Records the batch's signals with their opportunity and outcome (one statement). A row the primary key
     * refuses was recorded by someone else meanwhile: the batch rolls back and is retried, and then sees it.
     */
    private Uni<Void> record(Mutiny.Session session, List<Map<String, Object>> rows) {
        return session.createNativeQuery("""
                        insert into signal (signal_id, opportunity_id, outcome, source, strength, estimated_monthly_value,
                                            observed_at, detail, captured_by, received_at)
                        select r.signal_id, r.opportunity_id, r.outcome, r.source, r.strength, r.estimated_monthly_value,
                               cast(r.observed_at as timestamptz), r.detail, r.captured_by, now()
                        from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                             as r(signal_id text, opportunity_id text, outcome text, source text, strength double precision,
                                  estimated_monthly_value numeric, observed_at text, detail text, captured_by text)
                        on conflict (signal_id) do nothing""")
                .setParameter("rows", json(rows))
                .executeUpdate()
                .invoke(inserted -> {
                    if (inserted != rows.size()) {
                        throw new ConcurrentSignal(rows.size() - inserted);
                    }
                })
                .replaceWithVoid();
    }

    /** Signals of a batch recorded already (by another transaction, or before Redis knew): retry the batch. */
    public static class ConcurrentSignal extends RuntimeException {
        ConcurrentSignal(int count) {
            super(count + " signal(s) of the batch were recorded concurrently; the batch is retried", null, false, false);
        }
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

package io.esop.opportunity.opportunity.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.EventTypes;
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
import io.esop.opportunity.opportunity.service.OpportunityScorer.Evidence;
import io.esop.opportunity.readmodel.CustomerView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * One valid signal, inside the caller's transaction: a repeated id does nothing; a signal for the same
 * customer (credit code), product line and intent as a mergeable opportunity within the merge window
 * joins it; anything else creates an opportunity, scores and places it. The partial unique index
 * {@code opportunity_one_mergeable} is the truth when two replicas race: the loser rolls back and retries.
 */
@ApplicationScoped
public class SignalPipeline {

    public enum Outcome {
        CREATED, MERGED, DUPLICATE
    }

    /** A signal that cannot become an opportunity (unknown customer and no prospect): a dead letter. */
    public static class Unplaceable extends RuntimeException {
        public Unplaceable(String message) {
            super(message, null, false, false);
        }
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

    public Uni<Outcome> apply(Signal signal) {
        return resolveCustomer(signal).chain(customer -> {
            if (customer == null && signal.prospect() == null) {
                return Uni.createFrom().failure(new Unplaceable(
                        "customerId: unknown customer " + signal.customerId() + " and no prospect to fall back on"));
            }
            return claim(signal).chain(first -> first ? route(signal, customer)
                    : Uni.createFrom().item(Outcome.DUPLICATE));
        });
    }

    /** The known customer: by id, else by the prospect's credit code. */
    private Uni<CustomerView> resolveCustomer(Signal signal) {
        if (signal.customerId() != null) {
            return CustomerView.<CustomerView>findById(signal.customerId()).chain(c -> c != null || signal.prospect() == null
                    ? Uni.createFrom().item(c) : byCreditCode(signal.prospect()));
        }
        return byCreditCode(signal.prospect());
    }

    private static Uni<CustomerView> byCreditCode(Prospect prospect) {
        if (prospect == null || prospect.creditCode() == null) {
            return Uni.createFrom().nullItem();
        }
        return CustomerView.<CustomerView>find("creditCode", prospect.creditCode()).firstResult();
    }

    /** Records the signal id; false when it was seen before (the primary key decides). */
    private Uni<Boolean> claim(Signal s) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into signal (signal_id, outcome, source, strength, estimated_monthly_value, observed_at,
                                            detail, captured_by, received_at)
                        values (:id, 'RECEIVED', :source, :strength, :value, cast(cast(:observed as text) as timestamptz),
                                :detail, :capturedBy, now())
                        on conflict (signal_id) do nothing""")
                .setParameter("id", s.signalId())
                .setParameter("source", s.source().name())
                .setParameter("strength", s.strength())
                .setParameter("value", s.estimatedMonthlyValue())
                .setParameter("observed", s.observedAt().toString())
                .setParameter("detail", s.detail())
                .setParameter("capturedBy", s.capturedBy())
                .executeUpdate())
                .map(n -> n == 1);
    }

    private Uni<Outcome> route(Signal signal, CustomerView customer) {
        String mergeKey = mergeKey(signal, customer);
        return Opportunity.<Opportunity>find("mergeKey = ?1 and productLine = ?2 and intent = ?3 and mergeable = true",
                mergeKey, signal.productLine(), signal.intent())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult()
                .chain(open -> {
                    Duration window = config.mergeWindow();
                    if (open != null) {
                        Duration gap = Duration.between(open.lastSignalAt, signal.observedAt()).abs();
                        if (gap.compareTo(window) <= 0) {
                            return merge(open, signal).replaceWith(Outcome.MERGED);
                        }
                        if (signal.observedAt().isAfter(open.lastSignalAt)) {
                            // the old one stays open, but later evidence starts a new opportunity
                            open.mergeable = false;
                            return flush()
                                    .chain(() -> create(signal, customer, mergeKey, true)).replaceWith(Outcome.CREATED);
                        }
                        // evidence older than the open opportunity's window: its own, historic opportunity
                        return create(signal, customer, mergeKey, false).replaceWith(Outcome.CREATED);
                    }
                    return create(signal, customer, mergeKey, true).replaceWith(Outcome.CREATED);
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

    private Uni<Void> create(Signal s, CustomerView customer, String mergeKey, boolean mergeable) {
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
        return o.persist()
                .chain(SignalPipeline::flush) // a racing replica's duplicate fails here, before any event is written
                .chain(() -> link(s.signalId(), o.id, Outcome.CREATED))
                .chain(() -> events.emit(o, EventTypes.OPPORTUNITY_CREATED, seq -> new OpportunityCreated(o.id, seq,
                        s.signalId(), s.source(), customer != null ? o.customerId : null,
                        customer != null ? null : eventProspect, o.region,
                        o.industry == null ? null : io.esop.contracts.Industry.valueOf(o.industry), o.productLine,
                        o.intent, o.valueTier, o.eventScore(), o.estimatedMonthlyValue, now), s.capturedBy(),
                        "created from " + s.source() + " signal " + s.signalId() + ", score " + o.score))
                .chain(() -> assigner.place(o, customer, s));
    }

    private Uni<Void> merge(Opportunity o, Signal s) {
        return SignalRecord.<SignalRecord>list("opportunityId", o.id).chain(previous -> {
            List<Evidence> evidence = new ArrayList<>();
            previous.forEach(r -> evidence.add(new Evidence(r.source, r.strength, r.estimatedMonthlyValue, r.observedAt)));
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
            return link(s.signalId(), o.id, Outcome.MERGED)
                    .chain(() -> events.emit(o, EventTypes.OPPORTUNITY_MERGED, seq -> new OpportunityMerged(o.id, seq,
                            s.signalId(), s.source(), o.eventScore(), o.estimatedMonthlyValue, now), s.capturedBy(),
                            "merged " + s.source() + " signal " + s.signalId() + " (" + o.signalCount
                                    + " signals), score " + o.score));
        });
    }

    private Uni<Void> link(String signalId, String opportunityId, Outcome outcome) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "update signal set opportunity_id = :opp, outcome = :outcome where signal_id = :id")
                .setParameter("opp", opportunityId)
                .setParameter("outcome", outcome.name())
                .setParameter("id", signalId)
                .executeUpdate()).replaceWithVoid();
    }

    private void setScore(Opportunity o, ScoreBreakdown breakdown) {
        o.score = breakdown.score();
        try {
            o.scoreBreakdown = objectMapper.writeValueAsString(breakdown);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Uni<Void> flush() {
        return Panache.getSession().chain(session -> session.flush());
    }

    private static Evidence evidence(Signal s) {
        return new Evidence(s.source(), s.strength(), s.estimatedMonthlyValue(), s.observedAt());
    }
}

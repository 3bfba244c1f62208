package io.esop.opportunity.opportunity.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.esop.contracts.EventTypes;
import io.esop.contracts.StaffRole;
import io.esop.contracts.opportunity.OpportunityAssigned;
import io.esop.contracts.opportunity.OpportunityBiddingOpened;
import io.esop.contracts.opportunity.OpportunityStage;
import io.esop.contracts.opportunity.OpportunityStageChanged;
import io.esop.contracts.signal.Signal;
import io.esop.contracts.signal.SignalSource;
import io.esop.opportunity.common.Regions;
import io.esop.opportunity.config.OpportunityConfig;
import io.esop.opportunity.opportunity.Opportunity;
import io.esop.opportunity.readmodel.CustomerView;
import io.esop.opportunity.readmodel.StaffView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Places a new opportunity, never nowhere: the customer's account manager; else (a field visit) the
 * manager who captured it; else the eligible pool (region covers, industry, skill, free capacity), which
 * opens bidding above the value threshold or when the best abilities are close, and otherwise goes to the
 * best ability (win rate in the product line, then lowest open load); else the team director's queue.
 */
@ApplicationScoped
public class OpportunityAssigner {

    /** A pool member with what ranks them. */
    public record Candidate(StaffView staff, double ability, long openLoad) {
    }

    private final OpportunityConfig config;
    private final OpportunityEvents events;

    public OpportunityAssigner(OpportunityConfig config, OpportunityEvents events) {
        this.config = config;
        this.events = events;
    }

    public Uni<Void> place(Opportunity opp, CustomerView customer, Signal signal) {
        if (customer != null && customer.accountManagerId != null) {
            return StaffView.<StaffView>findById(customer.accountManagerId).chain(manager -> {
                if (manager == null || manager.active) {
                    String team = customer.teamId != null ? customer.teamId
                            : manager != null ? manager.teamId : config.assignment().fallbackTeam();
                    return assign(opp, customer.accountManagerId, team, "account manager of the customer", null);
                }
                return fromCapturerOrPool(opp, customer, signal);
            });
        }
        return fromCapturerOrPool(opp, customer, signal);
    }

    private Uni<Void> fromCapturerOrPool(Opportunity opp, CustomerView customer, Signal signal) {
        if (signal.source() == SignalSource.FIELD_VISIT && signal.capturedBy() != null) {
            return StaffView.<StaffView>findById(signal.capturedBy()).chain(capturer -> {
                if (capturer != null && capturer.active && StaffRole.CUSTOMER_MANAGER.name().equals(capturer.role)) {
                    return assign(opp, capturer.staffId, capturer.teamId, "captured it in the field", null);
                }
                return fromPool(opp, customer);
            });
        }
        return fromPool(opp, customer);
    }

    private Uni<Void> fromPool(Opportunity opp, CustomerView customer) {
        return pool(opp).chain(pool -> {
            if (pool.isEmpty()) {
                return toDirectorQueue(opp, customer, OpportunityStage.NEW,
                        "no eligible customer manager (region, industry, skill, capacity)");
            }
            boolean valuable = opp.estimatedMonthlyValue.compareTo(config.bidding().valueThreshold()) >= 0;
            boolean close = pool.size() > 1
                    && pool.get(0).ability() - pool.get(1).ability() <= config.bidding().abilityCloseness();
            if (valuable || close) {
                return openBidding(opp, customer, pool, valuable ? "value at or above the bidding threshold"
                        : "several managers with close ability");
            }
            Candidate best = pool.get(0);
            return assign(opp, best.staff().staffId, best.staff().teamId, String.format(
                    "best ability in the pool: win rate %.2f in %s, %d open", best.ability(), opp.productLine,
                    best.openLoad()), null);
        });
    }

    /** The eligible managers, best first. */
    public Uni<List<Candidate>> pool(Opportunity opp) {
        return StaffView.<StaffView>list("role = ?1 and active = true", StaffRole.CUSTOMER_MANAGER.name())
                .map(all -> all.stream()
                        .filter(s -> Regions.covers(s.region, opp.region))
                        .filter(s -> opp.industry == null || s.industryList().contains(opp.industry))
                        .filter(s -> s.skillList().contains(opp.productLine.name()))
                        .toList())
                .chain(eligible -> eligible.isEmpty() ? Uni.createFrom().item(List.<Candidate>of())
                        : rank(opp, eligible));
    }

    private Uni<List<Candidate>> rank(Opportunity opp, List<StaffView> eligible) {
        List<String> ids = eligible.stream().map(s -> s.staffId).toList();
        return Panache.getSession().chain(session -> session.createQuery("""
                        select o.ownerId,
                               sum(case when o.stage not in (:won, :lost) then 1 else 0 end),
                               sum(case when o.stage = :won and o.productLine = :line then 1 else 0 end),
                               sum(case when o.stage in (:won, :lost) and o.productLine = :line then 1 else 0 end)
                        from Opportunity o where o.ownerId in (:ids) group by o.ownerId""", Object[].class)
                .setParameter("won", OpportunityStage.WON)
                .setParameter("lost", OpportunityStage.LOST)
                .setParameter("line", opp.productLine)
                .setParameter("ids", ids)
                .getResultList())
                .map(rows -> {
                    Map<String, long[]> stats = new HashMap<>();
                    for (Object[] row : rows) {
                        stats.put((String) row[0], new long[] { number(row[1]), number(row[2]), number(row[3]) });
                    }
                    List<Candidate> candidates = new ArrayList<>();
                    for (StaffView s : eligible) {
                        long[] st = stats.getOrDefault(s.staffId, new long[3]);
                        if (st[0] >= s.capacity) {
                            continue; // no free capacity
                        }
                        candidates.add(new Candidate(s, ability(st[1], st[2]), st[0]));
                    }
                    candidates.sort(Comparator.comparingDouble(Candidate::ability).reversed()
                            .thenComparingLong(Candidate::openLoad)
                            .thenComparing(c -> c.staff().staffId));
                    return candidates;
                });
    }

    /** Win rate with a neutral prior (Laplace), so a newcomer is neither 0 nor 1. */
    public static double ability(long won, long closed) {
        return (won + 1.0) / (closed + 2.0);
    }

    /** The ability of one manager in the opportunity's product line. */
    public Uni<Double> abilityOf(String staffId, Opportunity opp) {
        return Panache.getSession().chain(session -> session.createQuery("""
                        select sum(case when o.stage = :won then 1 else 0 end), count(o)
                        from Opportunity o where o.ownerId = :id and o.productLine = :line
                          and o.stage in (:won, :lost)""", Object[].class)
                .setParameter("won", OpportunityStage.WON)
                .setParameter("lost", OpportunityStage.LOST)
                .setParameter("id", staffId)
                .setParameter("line", opp.productLine)
                .getSingleResult())
                .map(row -> ability(number(row[0]), number(row[1])));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    public Uni<Void> assign(Opportunity opp, String ownerId, String teamId, String reason, String assignedBy) {
        opp.ownerId = ownerId;
        opp.teamId = teamId;
        opp.stage = OpportunityStage.ASSIGNED;
        opp.assignmentReason = reason;
        return directorOf(teamId).chain(director -> {
            opp.directorId = director;
            return events.emit(opp, EventTypes.OPPORTUNITY_ASSIGNED, seq -> new OpportunityAssigned(opp.id, seq,
                    ownerId, teamId, reason, assignedBy, opp.creditSplit(), opp.customerId, opp.productLine,
                    opp.valueTier, OpportunityEvents.now()), assignedBy, "assigned to " + ownerId + ": " + reason);
        });
    }

    private Uni<Void> openBidding(Opportunity opp, CustomerView customer, List<Candidate> pool, String why) {
        List<String> eligible = pool.stream().map(c -> c.staff().staffId).toList();
        opp.stage = OpportunityStage.BIDDING;
        opp.eligibleManagers(eligible);
        opp.biddingClosesAt = OpportunityEvents.now().plus(config.bidding().window());
        opp.teamId = customer != null && customer.teamId != null ? customer.teamId : pool.get(0).staff().teamId;
        opp.assignmentReason = "bidding: " + why;
        return directorOf(opp.teamId).chain(director -> {
            opp.directorId = director;
            return events.emit(opp, EventTypes.OPPORTUNITY_BIDDING_OPENED, seq -> new OpportunityBiddingOpened(opp.id,
                    seq, opp.biddingClosesAt, eligible, opp.region, opp.customerId, opp.productLine, opp.valueTier,
                    opp.estimatedMonthlyValue, OpportunityEvents.now()), null,
                    "bidding opened (" + why + ") for " + String.join(", ", eligible) + " until " + opp.biddingClosesAt);
        });
    }

    /** Nobody could be placed: the team director decides. */
    public Uni<Void> toDirectorQueue(Opportunity opp, CustomerView customer, OpportunityStage from, String reason) {
        Uni<String> team;
        if (opp.teamId != null) {
            team = Uni.createFrom().item(opp.teamId);
        } else if (customer != null && customer.teamId != null) {
            team = Uni.createFrom().item(customer.teamId);
        } else {
            team = StaffView.<StaffView>list("role = ?1 and active = true order by staffId",
                    StaffRole.SALES_DIRECTOR.name())
                    .map(directors -> directors.stream().filter(d -> Regions.covers(d.region, opp.region))
                            .map(d -> d.teamId).findFirst().orElse(config.assignment().fallbackTeam()));
        }
        return team.chain(teamId -> directorOf(teamId).chain(director -> {
            opp.teamId = teamId;
            opp.directorId = director;
            opp.stage = OpportunityStage.DIRECTOR_QUEUE;
            opp.assignmentReason = reason;
            return events.emit(opp, EventTypes.OPPORTUNITY_STAGE_CHANGED, seq -> new OpportunityStageChanged(opp.id,
                    seq, from, OpportunityStage.DIRECTOR_QUEUE, reason, null, null, opp.customerId, opp.productLine,
                    opp.valueTier, OpportunityEvents.now()), null,
                    "to the director queue of team " + teamId + ": " + reason);
        }));
    }

    /** The active director of a team, else the configured fallback director (may be null). */
    private Uni<String> directorOf(String teamId) {
        return StaffView.<StaffView>find("role = ?1 and active = true and teamId = ?2 order by staffId",
                StaffRole.SALES_DIRECTOR.name(), teamId).firstResult()
                .map(d -> d != null ? d.staffId : config.assignment().fallbackDirector().orElse(null));
    }
}

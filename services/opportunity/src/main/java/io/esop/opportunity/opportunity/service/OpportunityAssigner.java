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
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Places a new opportunity, never nowhere: the customer's account manager; else (a field visit) the
 * manager who captured it; else the eligible pool (region covers, industry, skill, free capacity), which
 * opens bidding above the value threshold or when the best abilities are close, and otherwise goes to the
 * best ability (win rate in the product line, then lowest open load); else the team director's queue.
 * The signal pipeline places a whole batch from one {@link Directory}; commands (an award, a closed
 * bidding) assign one opportunity at a time.
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

    /**
     * What placing needs to know, read once per batch of signals: every member of staff and, when a pool
     * may be asked, each manager's open load and closed record per product line. Placing in the batch keeps
     * the loads current, so the batch's own assignments count against capacity.
     */
    public static final class Directory {

        private final Map<String, StaffView> staff = new HashMap<>();
        private final List<StaffView> managers = new ArrayList<>();
        private final Map<String, String> directorOfTeam = new HashMap<>();
        private final Map<String, Long> openLoad = new HashMap<>();
        private final Map<String, long[]> record = new HashMap<>();

        Directory(List<StaffView> all) {
            all.stream().sorted(Comparator.comparing((StaffView s) -> s.staffId)).forEach(s -> {
                staff.put(s.staffId, s);
                if (s.active && StaffRole.CUSTOMER_MANAGER.name().equals(s.role)) {
                    managers.add(s);
                }
                if (s.active && StaffRole.SALES_DIRECTOR.name().equals(s.role) && s.teamId != null) {
                    directorOfTeam.putIfAbsent(s.teamId, s.staffId);
                }
            });
        }

        StaffView staff(String id) {
            return id == null ? null : staff.get(id);
        }

        /** Whether placing a new opportunity of this customer and signal may ask the pool (needs the loads). */
        public boolean mayAskPool(CustomerView customer, Signal signal) {
            if (customer == null || customer.accountManagerId == null
                    || signal.source() == SignalSource.FIELD_VISIT) {
                return true;
            }
            StaffView manager = staff(customer.accountManagerId);
            return manager != null && !manager.active;
        }
    }

    /** Reads every member of staff; {@link #readLoads(Directory)} adds the loads when a pool may be asked. */
    public Uni<Directory> directory() {
        return StaffView.<StaffView>listAll().map(Directory::new);
    }

    /**
     * Each manager's open load and closed record per product line: the sums of {@code manager_load}, which every
     * statement changing opportunities appends to (a trigger) and {@link #compactLoads()} folds.
     */
    public Uni<Directory> readLoads(Directory directory) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select owner_id, product_line, sum(open_count), sum(won_count), sum(closed_count)
                        from manager_load group by owner_id, product_line""", Object[].class)
                .getResultList())
                .map(rows -> {
                    for (Object[] row : rows) {
                        String owner = (String) row[0];
                        directory.openLoad.merge(owner, number(row[2]), Long::sum);
                        directory.record.put(owner + "|" + row[1], new long[] { number(row[3]), number(row[4]) });
                    }
                    return directory;
                });
    }

    /**
     * Folds {@code manager_load} into one row per (owner, product line), so that {@link #readLoads} stays a read of a
     * few rows. Rows appended meanwhile are not seen by the delete and stay; replicas folding at once each fold
     * what they deleted.
     */
    @Scheduled(every = "${esop.opportunity.assignment.load-fold-interval:10s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> compactLoads() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                        with folded as (delete from manager_load returning *)
                        insert into manager_load (owner_id, product_line, open_count, won_count, closed_count)
                        select owner_id, product_line, sum(open_count), sum(won_count), sum(closed_count)
                        from folded group by owner_id, product_line
                        having sum(open_count) <> 0 or sum(won_count) <> 0 or sum(closed_count) <> 0""")
                .executeUpdate()))
                .onFailure().invoke(e -> Log.warnf(e, "Folding the managers' loads failed; the next run folds them"))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Places a new opportunity of a batch; its events join the batch. */
    public void place(Opportunity opp, CustomerView customer, Signal signal, Directory directory,
            OpportunityEvents.Batch batch) {
        if (customer != null && customer.accountManagerId != null) {
            StaffView manager = directory.staff(customer.accountManagerId);
            if (manager == null || manager.active) {
                String team = customer.teamId != null ? customer.teamId
                        : manager != null ? manager.teamId : config.assignment().fallbackTeam();
                assign(opp, customer.accountManagerId, team, "account manager of the customer", directory, batch);
                return;
            }
        }
        if (signal.source() == SignalSource.FIELD_VISIT && signal.capturedBy() != null) {
            StaffView capturer = directory.staff(signal.capturedBy());
            if (capturer != null && capturer.active && StaffRole.CUSTOMER_MANAGER.name().equals(capturer.role)) {
                assign(opp, capturer.staffId, capturer.teamId, "captured it in the field", directory, batch);
                return;
            }
        }
        List<Candidate> pool = pool(opp, directory);
        if (pool.isEmpty()) {
            toDirectorQueue(opp, customer, directory, batch);
            return;
        }
        boolean valuable = opp.estimatedMonthlyValue.compareTo(config.bidding().valueThreshold()) >= 0;
        boolean close = pool.size() > 1
                && pool.get(0).ability() - pool.get(1).ability() <= config.bidding().abilityCloseness();
        if (valuable || close) {
            openBidding(opp, customer, pool, valuable ? "value at or above the bidding threshold"
                    : "several managers with close ability", directory, batch);
            return;
        }
        Candidate best = pool.get(0);
        assign(opp, best.staff().staffId, best.staff().teamId, String.format(
                "best ability in the pool: win rate %.2f in %s, %d open", best.ability(), opp.productLine,
                best.openLoad()), directory, batch);
    }

    /** The eligible managers (region covers, industry, skill, free capacity), best first. */
    static List<Candidate> pool(Opportunity opp, Directory directory) {
        List<Candidate> candidates = new ArrayList<>();
        for (StaffView s : directory.managers) {
            if (!Regions.covers(s.region, opp.region)
                    || (opp.industry != null && !s.industryList().contains(opp.industry))
                    || !s.skillList().contains(opp.productLine.name())) {
                continue;
            }
            long open = directory.openLoad.getOrDefault(s.staffId, 0L);
            if (open >= s.capacity) {
                continue; // no free capacity
            }
            long[] closed = directory.record.getOrDefault(s.staffId + "|" + opp.productLine.name(), new long[2]);
            candidates.add(new Candidate(s, ability(closed[0], closed[1]), open));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::ability).reversed()
                .thenComparingLong(Candidate::openLoad)
                .thenComparing(c -> c.staff().staffId));
        return candidates;
    }

    private void assign(Opportunity opp, String ownerId, String teamId, String reason, Directory directory,
            OpportunityEvents.Batch batch) {
        opp.ownerId = ownerId;
        opp.teamId = teamId;
        opp.stage = OpportunityStage.ASSIGNED;
        opp.assignmentReason = reason;
        opp.directorId = directorOf(teamId, directory);
        directory.openLoad.merge(ownerId, 1L, Long::sum);
        batch.emit(opp, EventTypes.OPPORTUNITY_ASSIGNED, seq -> new OpportunityAssigned(opp.id, seq, ownerId, teamId,
                reason, null, opp.creditSplit(), opp.customerId, opp.productLine, opp.valueTier,
                OpportunityEvents.now()), null, "assigned to " + ownerId + ": " + reason);
    }

    private void openBidding(Opportunity opp, CustomerView customer, List<Candidate> pool, String why,
            Directory directory, OpportunityEvents.Batch batch) {
        List<String> eligible = pool.stream().map(c -> c.staff().staffId).toList();
        opp.stage = OpportunityStage.BIDDING;
        opp.eligibleManagers(eligible);
        opp.biddingClosesAt = OpportunityEvents.now().plus(config.bidding().window());
        opp.teamId = customer != null && customer.teamId != null ? customer.teamId : pool.get(0).staff().teamId;
        opp.assignmentReason = "bidding: " + why;
        opp.directorId = directorOf(opp.teamId, directory);
        batch.emit(opp, EventTypes.OPPORTUNITY_BIDDING_OPENED, seq -> new OpportunityBiddingOpened(opp.id, seq,
                opp.biddingClosesAt, eligible, opp.region, opp.customerId, opp.productLine, opp.valueTier,
                opp.estimatedMonthlyValue, OpportunityEvents.now()), null,
                "bidding opened (" + why + ") for " + String.join(", ", eligible) + " until " + opp.biddingClosesAt);
    }

    private void toDirectorQueue(Opportunity opp, CustomerView customer, Directory directory,
            OpportunityEvents.Batch batch) {
        String reason = "no eligible customer manager (region, industry, skill, capacity)";
        String teamId;
        if (customer != null && customer.teamId != null) {
            teamId = customer.teamId;
        } else {
            teamId = directory.staff.values().stream()
                    .filter(d -> d.active && StaffRole.SALES_DIRECTOR.name().equals(d.role))
                    .filter(d -> Regions.covers(d.region, opp.region))
                    .sorted(Comparator.comparing((StaffView d) -> d.staffId))
                    .map(d -> d.teamId).findFirst().orElse(config.assignment().fallbackTeam());
        }
        opp.teamId = teamId;
        opp.directorId = directorOf(teamId, directory);
        opp.stage = OpportunityStage.DIRECTOR_QUEUE;
        opp.assignmentReason = reason;
        batch.emit(opp, EventTypes.OPPORTUNITY_STAGE_CHANGED, seq -> new OpportunityStageChanged(opp.id, seq,
                OpportunityStage.NEW, OpportunityStage.DIRECTOR_QUEUE, reason, null, null, opp.customerId,
                opp.productLine, opp.valueTier, OpportunityEvents.now()), null,
                "to the director queue of team " + teamId + ": " + reason);
    }

    private String directorOf(String teamId, Directory directory) {
        String director = teamId == null ? null : directory.directorOfTeam.get(teamId);
        return director != null ? director : config.assignment().fallbackDirector().orElse(null);
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

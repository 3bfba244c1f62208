package io.esop.opportunity.opportunity.service;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.esop.contracts.opportunity.OpportunityStage;
import io.esop.opportunity.opportunity.Bid;
import io.esop.opportunity.opportunity.Opportunity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Closes expired bidding windows: the bid with the best ability (the bidder's win rate in the product
 * line when they bid), then the earliest, wins; no bid sends the opportunity to the director's queue.
 * Each opportunity in its own transaction, its row locked and its stage re-checked, so that two
 * replicas (or a director awarding at the same moment) never award twice.
 */
@ApplicationScoped
public class BiddingCloser {

    private final OpportunityCommands commands;
    private final OpportunityAssigner assigner;

    public BiddingCloser(OpportunityCommands commands, OpportunityAssigner assigner) {
        this.commands = commands;
        this.assigner = assigner;
    }

    @Scheduled(every = "${esop.opportunity.bidding.close-interval:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> closeExpired() {
        return Panache.withSession(() -> Opportunity.<Opportunity>find(
                "stage = ?1 and biddingClosesAt <= ?2 order by biddingClosesAt", OpportunityStage.BIDDING,
                OpportunityEvents.now()).range(0, 99).list())
                .map(list -> list.stream().map(o -> o.id).toList())
                .onItem().transformToMulti(ids -> Multi.createFrom().iterable(ids))
                .onItem().transformToUniAndConcatenate(this::close)
                .collect().asList()
                .onFailure().invoke(e -> Log.warnf(e, "Closing expired bidding windows failed; next run retries"))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    Uni<Void> close(String id) {
        return Panache.withTransaction(() -> Opportunity.<Opportunity>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .chain(o -> {
                    if (o == null || o.stage != OpportunityStage.BIDDING
                            || o.biddingClosesAt.isAfter(OpportunityEvents.now())) {
                        return Uni.createFrom().voidItem(); // awarded meanwhile
                    }
                    return Bid.<Bid>list("opportunityId", id).chain(bids -> award(o, bids));
                }));
    }

    private Uni<Void> award(Opportunity o, List<Bid> bids) {
        if (bids.isEmpty()) {
            return assigner.toDirectorQueue(o, null, OpportunityStage.BIDDING, "bidding closed without a bid");
        }
        Bid best = bids.stream().min(Comparator.comparingDouble((Bid b) -> -b.ability)
                .thenComparing(b -> b.submittedAt)).orElseThrow();
        return commands.awardTo(o, best.bidderId, String.format("system award at close: best ability %.2f of %d bid(s)",
                best.ability, bids.size()), "system").replaceWithVoid();
    }
}

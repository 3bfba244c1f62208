package io.esop.opportunity.opportunity;

import static io.esop.contracts.opportunity.OpportunityStage.ASSIGNED;
import static io.esop.contracts.opportunity.OpportunityStage.BIDDING;
import static io.esop.contracts.opportunity.OpportunityStage.CONTACTED;
import static io.esop.contracts.opportunity.OpportunityStage.DIRECTOR_QUEUE;
import static io.esop.contracts.opportunity.OpportunityStage.LOST;
import static io.esop.contracts.opportunity.OpportunityStage.NEGOTIATION;
import static io.esop.contracts.opportunity.OpportunityStage.NEW;
import static io.esop.contracts.opportunity.OpportunityStage.PROPOSAL;
import static io.esop.contracts.opportunity.OpportunityStage.QUALIFIED;
import static io.esop.contracts.opportunity.OpportunityStage.WON;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.esop.contracts.opportunity.OpportunityStage;

/**
 * Which stage may follow which. Placement (NEW to ASSIGNED, BIDDING or DIRECTOR_QUEUE; BIDDING or
 * DIRECTOR_QUEUE to ASSIGNED) is done by the system or a director; progression by the owner runs
 * CONTACTED, QUALIFIED, PROPOSAL, NEGOTIATION, WON, and LOST may end any open stage after placement.
 */
public final class StageMachine {

    private static final Map<OpportunityStage, Set<OpportunityStage>> PLACEMENT = new EnumMap<>(OpportunityStage.class);
    private static final Map<OpportunityStage, Set<OpportunityStage>> PROGRESSION = new EnumMap<>(OpportunityStage.class);

    static {
        PLACEMENT.put(NEW, EnumSet.of(ASSIGNED, BIDDING, DIRECTOR_QUEUE));
        PLACEMENT.put(BIDDING, EnumSet.of(ASSIGNED, DIRECTOR_QUEUE));
        PLACEMENT.put(DIRECTOR_QUEUE, EnumSet.of(ASSIGNED));

        PROGRESSION.put(ASSIGNED, EnumSet.of(CONTACTED, LOST));
        PROGRESSION.put(CONTACTED, EnumSet.of(QUALIFIED, LOST));
        PROGRESSION.put(QUALIFIED, EnumSet.of(PROPOSAL, LOST));
        PROGRESSION.put(PROPOSAL, EnumSet.of(NEGOTIATION, LOST));
        PROGRESSION.put(NEGOTIATION, EnumSet.of(WON, LOST));
    }

    private StageMachine() {
    }

    /** May the system or a director place an opportunity from {@code from} into {@code to}? */
    public static boolean canPlace(OpportunityStage from, OpportunityStage to) {
        return PLACEMENT.getOrDefault(from, Set.of()).contains(to);
    }

    /** May the owner move an opportunity from {@code from} to {@code to}? */
    public static boolean canProgress(OpportunityStage from, OpportunityStage to) {
        return PROGRESSION.getOrDefault(from, Set.of()).contains(to);
    }

    /** The stages the owner may move to from {@code from}. */
    public static Set<OpportunityStage> nextForOwner(OpportunityStage from) {
        return PROGRESSION.getOrDefault(from, Set.of());
    }
}

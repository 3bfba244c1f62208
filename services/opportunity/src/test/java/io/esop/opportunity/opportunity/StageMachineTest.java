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
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.esop.contracts.opportunity.OpportunityStage;

class StageMachineTest {

    @Test
    void theOwnerProgressesOneStepAtATimeToWon() {
        assertThat(StageMachine.canProgress(ASSIGNED, CONTACTED)).isTrue();
        assertThat(StageMachine.canProgress(CONTACTED, QUALIFIED)).isTrue();
        assertThat(StageMachine.canProgress(QUALIFIED, PROPOSAL)).isTrue();
        assertThat(StageMachine.canProgress(PROPOSAL, NEGOTIATION)).isTrue();
        assertThat(StageMachine.canProgress(NEGOTIATION, WON)).isTrue();
        assertThat(StageMachine.canProgress(ASSIGNED, QUALIFIED)).isFalse();
        assertThat(StageMachine.canProgress(CONTACTED, WON)).isFalse();
        assertThat(StageMachine.canProgress(QUALIFIED, CONTACTED)).isFalse();
    }

    @Test
    void lostEndsAnyWorkedStageAndClosedStagesAreFinal() {
        for (OpportunityStage s : new OpportunityStage[] { ASSIGNED, CONTACTED, QUALIFIED, PROPOSAL, NEGOTIATION }) {
            assertThat(StageMachine.canProgress(s, LOST)).as(s + " to LOST").isTrue();
        }
        for (OpportunityStage to : OpportunityStage.values()) {
            assertThat(StageMachine.canProgress(WON, to)).isFalse();
            assertThat(StageMachine.canProgress(LOST, to)).isFalse();
            assertThat(StageMachine.canProgress(NEW, to)).isFalse();
            assertThat(StageMachine.canProgress(BIDDING, to)).isFalse();
            assertThat(StageMachine.canProgress(DIRECTOR_QUEUE, to)).isFalse();
        }
    }

    @Test
    void placementIsTheSystemsAndTheDirectors() {
        assertThat(StageMachine.canPlace(NEW, ASSIGNED)).isTrue();
        assertThat(StageMachine.canPlace(NEW, BIDDING)).isTrue();
        assertThat(StageMachine.canPlace(NEW, DIRECTOR_QUEUE)).isTrue();
        assertThat(StageMachine.canPlace(BIDDING, ASSIGNED)).isTrue();
        assertThat(StageMachine.canPlace(BIDDING, DIRECTOR_QUEUE)).isTrue();
        assertThat(StageMachine.canPlace(DIRECTOR_QUEUE, ASSIGNED)).isTrue();
        assertThat(StageMachine.canPlace(ASSIGNED, BIDDING)).isFalse();
        assertThat(StageMachine.canPlace(WON, ASSIGNED)).isFalse();
    }
}

package io.esop.order.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.esop.contracts.order.Milestone;
import io.esop.contracts.order.OrderState;
import io.esop.contracts.order.ProgressKind;

class OrderLifecycleTest {

    @Test
    void finalStatesAreNeverLeft() {
        for (OrderState state : OrderState.values()) {
            if (state.isFinal()) {
                assertThat(OrderLifecycle.next(state)).as(state.wireName()).isEmpty();
            }
        }
    }

    @Test
    void everyNonFinalStateHasAWayOut() {
        for (OrderState state : OrderState.values()) {
            if (!state.isFinal()) {
                assertThat(OrderLifecycle.next(state)).as(state.wireName()).isNotEmpty();
            }
        }
    }

    @Test
    void fulfilmentTransitions() {
        assertThat(OrderLifecycle.allowed(OrderState.ACKNOWLEDGED, OrderState.IN_PROGRESS)).isTrue();
        assertThat(OrderLifecycle.allowed(OrderState.IN_PROGRESS, OrderState.HELD)).isTrue();
        assertThat(OrderLifecycle.allowed(OrderState.HELD, OrderState.IN_PROGRESS)).isTrue();
        assertThat(OrderLifecycle.allowed(OrderState.IN_PROGRESS, OrderState.COMPLETED)).isTrue();
        assertThat(OrderLifecycle.allowed(OrderState.ACKNOWLEDGED, OrderState.COMPLETED)).isFalse();
        assertThat(OrderLifecycle.allowed(OrderState.HELD, OrderState.COMPLETED)).isFalse();
        assertThat(OrderLifecycle.allowed(OrderState.COMPLETED, OrderState.IN_PROGRESS)).isFalse();
        assertThat(OrderLifecycle.allowed(OrderState.PENDING_CANCELLATION, OrderState.CANCELLED)).isTrue();
        assertThat(OrderLifecycle.allowed(OrderState.CANCELLED, OrderState.IN_PROGRESS)).isFalse();
    }

    @Test
    void pathsGoThroughInProgressWhenTheyMust() {
        assertThat(OrderLifecycle.path(OrderState.ACKNOWLEDGED, OrderState.COMPLETED))
                .containsExactly(OrderState.IN_PROGRESS, OrderState.COMPLETED);
        assertThat(OrderLifecycle.path(OrderState.HELD, OrderState.COMPLETED))
                .containsExactly(OrderState.IN_PROGRESS, OrderState.COMPLETED);
        assertThat(OrderLifecycle.path(OrderState.IN_PROGRESS, OrderState.HELD)).containsExactly(OrderState.HELD);
        assertThat(OrderLifecycle.path(OrderState.HELD, OrderState.HELD)).isEmpty();
        assertThat(OrderLifecycle.path(OrderState.COMPLETED, OrderState.IN_PROGRESS)).isNull();
    }

    @Test
    void reportsMapToStates() {
        assertThat(OrderLifecycle.targetOf(ProgressKind.MILESTONE_STARTED, Milestone.RESOURCE_CHECK))
                .isEqualTo(OrderState.IN_PROGRESS);
        assertThat(OrderLifecycle.targetOf(ProgressKind.MILESTONE_COMPLETED, Milestone.ACCEPTANCE))
                .isEqualTo(OrderState.IN_PROGRESS);
        assertThat(OrderLifecycle.targetOf(ProgressKind.MILESTONE_COMPLETED, Milestone.BILLING_START))
                .isEqualTo(OrderState.COMPLETED);
        assertThat(OrderLifecycle.targetOf(ProgressKind.HELD, null)).isEqualTo(OrderState.HELD);
        assertThat(OrderLifecycle.targetOf(ProgressKind.MILESTONE_FAILED, Milestone.CONSTRUCTION))
                .isEqualTo(OrderState.HELD);
        assertThat(OrderLifecycle.targetOf(ProgressKind.RESUMED, null)).isEqualTo(OrderState.IN_PROGRESS);
        // every target is reachable from every state a fulfilment report can find an open order in
        for (OrderState from : List.of(OrderState.ACKNOWLEDGED, OrderState.IN_PROGRESS, OrderState.HELD)) {
            for (ProgressKind kind : ProgressKind.values()) {
                for (Milestone m : Milestone.values()) {
                    assertThat(OrderLifecycle.path(from, OrderLifecycle.targetOf(kind, m))).isNotNull();
                }
            }
        }
    }
}

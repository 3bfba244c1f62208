package io.esop.order.order;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.esop.contracts.order.Milestone;
import io.esop.contracts.order.OrderState;
import io.esop.contracts.order.ProgressKind;

/**
 * The TMF622 order state machine of ESOP: which transitions are allowed, and which state a fulfilment report
 * drives an order to. The contracts' {@link OrderState} only names the states; the rules live here.
 */
public final class OrderLifecycle {

    private static final Map<OrderState, Set<OrderState>> ALLOWED = new EnumMap<>(OrderState.class);

    static {
        allow(OrderState.ACKNOWLEDGED, OrderState.IN_PROGRESS, OrderState.PENDING, OrderState.HELD,
                OrderState.REJECTED, OrderState.CANCELLED, OrderState.ASSESSING_CANCELLATION);
        allow(OrderState.PENDING, OrderState.IN_PROGRESS, OrderState.HELD, OrderState.CANCELLED,
                OrderState.ASSESSING_CANCELLATION);
        allow(OrderState.IN_PROGRESS, OrderState.HELD, OrderState.PENDING, OrderState.COMPLETED, OrderState.FAILED,
                OrderState.PARTIAL, OrderState.ASSESSING_CANCELLATION);
        allow(OrderState.HELD, OrderState.IN_PROGRESS, OrderState.PENDING, OrderState.FAILED,
                OrderState.ASSESSING_CANCELLATION);
        allow(OrderState.ASSESSING_CANCELLATION, OrderState.PENDING_CANCELLATION, OrderState.IN_PROGRESS,
                OrderState.HELD, OrderState.PENDING);
        allow(OrderState.PENDING_CANCELLATION, OrderState.CANCELLED);
        for (OrderState state : OrderState.values()) {
            ALLOWED.putIfAbsent(state, EnumSet.noneOf(OrderState.class)); // the final states
        }
    }

    private OrderLifecycle() {
    }

    private static void allow(OrderState from, OrderState... to) {
        ALLOWED.put(from, EnumSet.copyOf(List.of(to)));
    }

    public static boolean allowed(OrderState from, OrderState to) {
        return ALLOWED.get(from).contains(to);
    }

    public static Set<OrderState> next(OrderState from) {
        return EnumSet.copyOf(ALLOWED.get(from).isEmpty() ? EnumSet.noneOf(OrderState.class) : ALLOWED.get(from));
    }

    /**
     * The states to pass through from {@code from} to {@code to}: empty when already there, one step when the
     * transition is allowed, two via inProgress when only that way is (e.g. acknowledged → completed when the
     * first report to arrive is the last one), null when {@code to} cannot be reached.
     */
    public static List<OrderState> path(OrderState from, OrderState to) {
        if (from == to) {
            return List.of();
        }
        if (allowed(from, to)) {
            return List.of(to);
        }
        if (allowed(from, OrderState.IN_PROGRESS) && allowed(OrderState.IN_PROGRESS, to)) {
            return List.of(OrderState.IN_PROGRESS, to);
        }
        return null;
    }

    /**
     * The state a fulfilment report asks for. A failed milestone holds the order (fulfilment retries or
     * escalates; the order is not failed by one report), and only the completed billing start completes it. So
     * the state is a function of the latest report alone, which makes it independent of arrival order.
     */
    public static OrderState targetOf(ProgressKind kind, Milestone milestone) {
        return switch (kind) {
            case HELD, MILESTONE_FAILED -> OrderState.HELD;
            case RESUMED, MILESTONE_STARTED -> OrderState.IN_PROGRESS;
            case MILESTONE_COMPLETED -> milestone == Milestone.BILLING_START ? OrderState.COMPLETED
                    : OrderState.IN_PROGRESS;
        };
    }
}

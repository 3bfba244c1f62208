package io.esop.contracts.order;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * TMF622 product order states. On the wire each state is its TMF622 name ({@code inProgress}, not
 * {@code IN_PROGRESS}); {@link #wireName()} gives it and {@link #fromWireName(String)} reads it.
 * Which transitions are allowed is the order service's state machine, not part of the contract.
 */
public enum OrderState {
    ACKNOWLEDGED("acknowledged"),
    REJECTED("rejected"),
    PENDING("pending"),
    HELD("held"),
    IN_PROGRESS("inProgress"),
    CANCELLED("cancelled"),
    COMPLETED("completed"),
    FAILED("failed"),
    PARTIAL("partial"),
    ASSESSING_CANCELLATION("assessingCancellation"),
    PENDING_CANCELLATION("pendingCancellation");

    private final String wireName;

    OrderState(String wireName) {
        this.wireName = wireName;
    }

    /** The TMF622 name, as written in JSON. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The state with this TMF622 name. */
    @JsonCreator
    public static OrderState fromWireName(String wireName) {
        for (OrderState state : values()) {
            if (state.wireName.equals(wireName)) {
                return state;
            }
        }
        throw new IllegalArgumentException("not a TMF622 order state: " + wireName);
    }

    /** True for the states an order never leaves: rejected, cancelled, completed, failed, partial. */
    public boolean isFinal() {
        return switch (this) {
            case REJECTED, CANCELLED, COMPLETED, FAILED, PARTIAL -> true;
            default -> false;
        };
    }
}

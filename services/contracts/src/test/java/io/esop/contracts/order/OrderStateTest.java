package io.esop.contracts.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.esop.contracts.EsopJson;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderStateTest {

    private final ObjectMapper mapper = EsopJson.newObjectMapper();

    @Test
    void wireNamesAreTheTmf622States() {
        assertEquals(List.of("acknowledged", "rejected", "pending", "held", "inProgress", "cancelled", "completed",
                        "failed", "partial", "assessingCancellation", "pendingCancellation"),
                Arrays.stream(OrderState.values()).map(OrderState::wireName).toList());
    }

    @Test
    void jsonUsesTheWireName() throws Exception {
        assertEquals("\"inProgress\"", mapper.writeValueAsString(OrderState.IN_PROGRESS));
        assertEquals(OrderState.PENDING_CANCELLATION, mapper.readValue("\"pendingCancellation\"", OrderState.class));
        assertThrows(DatabindException.class, () -> mapper.readValue("\"IN_PROGRESS\"", OrderState.class));
        assertThrows(IllegalArgumentException.class, () -> OrderState.fromWireName("done"));
    }

    @Test
    void finalStates() {
        assertTrue(OrderState.COMPLETED.isFinal());
        assertTrue(OrderState.PARTIAL.isFinal());
        assertFalse(OrderState.HELD.isFinal());
        assertFalse(OrderState.ASSESSING_CANCELLATION.isFinal());
    }

    @Test
    void progressNeedsAMilestoneExceptWhenHeldOrResumed() {
        assertThrows(IllegalArgumentException.class, () -> new OrderProgressEvent("e1", "o1", 1, null,
                ProgressKind.MILESTONE_STARTED, java.time.Instant.EPOCH, "OSS", null));
        new OrderProgressEvent("e2", "o1", 2, null, ProgressKind.HELD, java.time.Instant.EPOCH, "OSS", "site closed");
        assertThrows(IllegalArgumentException.class, () -> new OrderProgressEvent("e3", "o1", 0, Milestone.ACTIVATION,
                ProgressKind.MILESTONE_STARTED, java.time.Instant.EPOCH, "OSS", null));
    }
}

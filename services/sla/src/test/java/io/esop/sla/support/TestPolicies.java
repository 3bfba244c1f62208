package io.esop.sla.support;

import java.time.Duration;
import java.util.List;

import io.esop.contracts.ProductLine;
import io.esop.contracts.ValueTier;
import io.esop.contracts.sla.BusinessCalendar;
import io.esop.contracts.sla.ClockType;
import io.esop.contracts.sla.SlaPolicy;

/**
 * Short policies (seconds, not days) the tests' engine reads from a private policies topic, so that they never
 * reach the shared esop.sla-policies.v1. KEY x SDWAN: 10 minutes (start/stop tests, no alert in between);
 * STRATEGIC x SDWAN: seconds (timing tests).
 */
public final class TestPolicies {

    public static final ValueTier SLOW_TIER = ValueTier.KEY;
    public static final ValueTier FAST_TIER = ValueTier.STRATEGIC;
    public static final ProductLine LINE = ProductLine.SDWAN;

    private TestPolicies() {
    }

    public static List<SlaPolicy> all() {
        List<SlaPolicy> slow = java.util.Arrays.stream(ClockType.values())
                .map(type -> Events.policy("test.KEY.SDWAN." + type, SLOW_TIER, LINE, type, Duration.ofMinutes(10),
                        null, BusinessCalendar.always()))
                .toList();
        List<SlaPolicy> fast = List.of(
                // warning at 3 s, breach at 6 s, escalation 1 at 9 s, escalation 2 at 12 s
                Events.policy("test.STRATEGIC.SDWAN.OPPORTUNITY_FIRST_CONTACT", FAST_TIER, LINE,
                        ClockType.OPPORTUNITY_FIRST_CONTACT, Duration.ofSeconds(6), Duration.ofSeconds(3),
                        BusinessCalendar.always()),
                // warning at 4 s, breach at 8 s of running time
                Events.policy("test.STRATEGIC.SDWAN.ORDER_TOTAL", FAST_TIER, LINE, ClockType.ORDER_TOTAL,
                        Duration.ofSeconds(8), null, BusinessCalendar.always()),
                Events.policy("test.STRATEGIC.SDWAN.APPROVAL_DECISION", FAST_TIER, LINE, ClockType.APPROVAL_DECISION,
                        Duration.ofMinutes(10), null, BusinessCalendar.always()),
                Events.policy("test.STRATEGIC.SDWAN.ORDER_MILESTONE", FAST_TIER, LINE, ClockType.ORDER_MILESTONE,
                        Duration.ofMinutes(10), null, BusinessCalendar.always()));
        return java.util.stream.Stream.concat(slow.stream(), fast.stream()).toList();
    }
}

package io.esop.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.esop.contracts.ProductLine;
import io.esop.contracts.ValueTier;
import io.esop.contracts.order.Milestone;
import io.esop.contracts.sla.BusinessCalendar;
import io.esop.contracts.sla.ClockType;
import io.esop.contracts.sla.SlaPolicy;
import io.esop.sla.support.Events;

class PolicyMatcherTest {

    static SlaPolicy milestonePolicy(String id, Milestone milestone) {
        SlaPolicy p = Events.policy(id, ValueTier.KEY, ProductLine.IDC, ClockType.ORDER_MILESTONE,
                Duration.ofHours(8), null, BusinessCalendar.always());
        return new SlaPolicy(p.policyId(), 1, p.valueTier(), p.productLine(), p.clockType(), milestone, null,
                p.target(), 80, List.of(), p.calendar(), Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void aMilestonePolicyBeatsTheGenericOne() {
        List<SlaPolicy> policies = List.of(milestonePolicy("generic", null),
                milestonePolicy("survey", Milestone.SITE_SURVEY));
        assertThat(PolicyMatcher.match(policies, ClockType.ORDER_MILESTONE, ValueTier.KEY, ProductLine.IDC,
                Milestone.SITE_SURVEY, null)).get().extracting(SlaPolicy::policyId).isEqualTo("survey");
        assertThat(PolicyMatcher.match(policies, ClockType.ORDER_MILESTONE, ValueTier.KEY, ProductLine.IDC,
                Milestone.CONSTRUCTION, null)).get().extracting(SlaPolicy::policyId).isEqualTo("generic");
    }

    @Test
    void noPolicyForAnotherCell() {
        List<SlaPolicy> policies = List.of(milestonePolicy("generic", null));
        assertThat(PolicyMatcher.match(policies, ClockType.ORDER_MILESTONE, ValueTier.SME, ProductLine.IDC,
                Milestone.CONSTRUCTION, null)).isEmpty();
        assertThat(PolicyMatcher.match(policies, ClockType.ORDER_TOTAL, ValueTier.KEY, ProductLine.IDC, null, null))
                .isEmpty();
    }
}

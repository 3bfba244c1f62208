package io.esop.workbench.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.esop.workbench.common.web.UserScope;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScopeFilterTest {

    private final CustomerDirectory directory = new CustomerDirectory();

    private static final UserScope ZHANG = new UserScope("cm-zhang", Set.of("customer-manager"), "310000",
            "sh-enterprise", null);
    private static final UserScope LI = new UserScope("cm-li", Set.of("customer-manager"), "330100",
            "hz-government", null);
    private static final UserScope WANG = new UserScope("dir-wang", Set.of("sales-director"), "310000",
            "sh-enterprise", null);
    private static final UserScope ACME = new UserScope("ent-acme", Set.of("enterprise-customer"), "310000",
            "sh-enterprise", "cust-acme");
    private static final UserScope CHEN = new UserScope("bo-chen", Set.of("back-office"), null, null, null);

    @BeforeEach
    void customers() {
        directory.put("cust-acme", new CustomerDirectory.Entry("cm-zhang", "sh-enterprise", "310000"));
        directory.put("cust-wu", new CustomerDirectory.Entry("cm-wu", "sh-enterprise", "310000"));
        directory.put("cust-hz", new CustomerDirectory.Entry("cm-li", "hz-government", "330100"));
    }

    private static LiveEvent event(String type, String customerId, String teamId, String region, String... people) {
        return new LiveEvent("e1", "order", type, "ORD-1", customerId, teamId, region, Set.of(people), null,
                Instant.now());
    }

    @Test
    void managerSeesOwnCustomersTheirRegionAndTeamAndWhatNamesThem() {
        assertThat(ScopeFilter.visible(ZHANG, event("esop.order.state-changed.v1", "cust-acme", null, null), directory)).isTrue();
        assertThat(ScopeFilter.visible(ZHANG, event("esop.order.state-changed.v1", "cust-wu", null, null), directory)).isTrue();
        assertThat(ScopeFilter.visible(ZHANG, event("esop.order.state-changed.v1", "cust-hz", null, null), directory)).isFalse();
        assertThat(ScopeFilter.visible(ZHANG, event("esop.sla.alert.v1", "cust-hz", null, null, "cm-zhang"), directory)).isTrue();
        assertThat(ScopeFilter.visible(LI, event("esop.order.state-changed.v1", "cust-acme", null, null), directory)).isFalse();
        assertThat(ScopeFilter.visible(ZHANG, event("esop.order.state-changed.v1", "cust-unknown", null, null), directory)).isFalse();
    }

    @Test
    void openBidsAreSeenInTheirRegion() {
        LiveEvent bid = event("esop.opportunity.bidding-opened.v1", null, null, "330100");
        assertThat(ScopeFilter.visible(LI, bid, directory)).isTrue();
        assertThat(ScopeFilter.visible(ZHANG, bid, directory)).isFalse();
    }

    @Test
    void directorSeesTheTeam() {
        assertThat(ScopeFilter.visible(WANG, event("esop.order.state-changed.v1", "cust-wu", null, null), directory)).isTrue();
        assertThat(ScopeFilter.visible(WANG, event("esop.opportunity.assigned.v1", null, "sh-enterprise", null), directory)).isTrue();
        assertThat(ScopeFilter.visible(WANG, event("esop.order.state-changed.v1", "cust-hz", null, null), directory)).isFalse();
    }

    @Test
    void enterpriseCustomerSeesOnlyItsOwnOrdersAndProfile() {
        assertThat(ScopeFilter.visible(ACME, event("esop.order.milestone-reached.v1", "cust-acme", null, null), directory)).isTrue();
        assertThat(ScopeFilter.visible(ACME, event("esop.customer.snapshot.v1", "cust-acme", null, null), directory)).isTrue();
        assertThat(ScopeFilter.visible(ACME, event("esop.approval.requested.v1", "cust-acme", null, null), directory)).isFalse();
        assertThat(ScopeFilter.visible(ACME, event("esop.sla.alert.v1", "cust-acme", null, null), directory)).isFalse();
        assertThat(ScopeFilter.visible(ACME, event("esop.order.milestone-reached.v1", "cust-wu", null, null), directory)).isFalse();
    }

    @Test
    void backOfficeSeesEverything() {
        assertThat(ScopeFilter.visible(CHEN, event("esop.order.state-changed.v1", "cust-hz", null, null), directory)).isTrue();
    }
}

package io.esop.customer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.esop.contracts.ValueTier;
import io.esop.customer.customer.UnifiedSocialCreditCode;
import io.esop.customer.customer.rest.CustomerRequest;
import io.esop.customer.member.MobileNumber;

/** The demo data set is deterministic and covers what the demo needs; it is loaded only when enabled. */
class DemoDataTest {

    private static List<CustomerRequest> all() {
        List<CustomerRequest> all = new ArrayList<>();
        all.add(DemoData.acme());
        for (int i = 1; i <= DemoData.CUSTOMERS; i++) {
            all.add(DemoData.customer(i));
        }
        return all;
    }

    @Test
    void atLeast200CustomersAcrossTiersIndustriesRegionsAndManagers() {
        List<CustomerRequest> all = all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(200);
        assertThat(all.stream().map(CustomerRequest::valueTier).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(ValueTier.values());
        assertThat(all.stream().map(CustomerRequest::region).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("310000", "330100");
        assertThat(all.stream().map(CustomerRequest::industry).distinct().count()).isGreaterThanOrEqualTo(8);
        assertThat(all.stream().map(CustomerRequest::accountManagerId).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("cm-zhang", "cm-wu", "cm-li");
        // a manager's customers belong to the manager's team and region
        assertThat(all).allSatisfy(c -> {
            if (c.accountManagerId().equals("cm-li")) {
                assertThat(c.region()).isEqualTo("330100");
                assertThat(c.teamId()).isEqualTo("hz-government");
            } else {
                assertThat(c.region()).isEqualTo("310000");
                assertThat(c.teamId()).isEqualTo("sh-enterprise");
            }
        });
    }

    @Test
    void idsAndCreditCodesAreValidUniqueAndStable() {
        List<CustomerRequest> all = all();
        Set<String> ids = all.stream().map(CustomerRequest::id).collect(Collectors.toSet());
        Set<String> codes = all.stream().map(CustomerRequest::creditCode).collect(Collectors.toSet());
        assertThat(ids).hasSize(all.size()).contains("cust-acme");
        assertThat(codes).hasSize(all.size()).allMatch(UnifiedSocialCreditCode::isValid);
        assertThat(DemoData.customer(42)).isEqualTo(DemoData.customer(42));
    }

    @Test
    void acmeIsTheEnterpriseUsersCompany() {
        CustomerRequest acme = DemoData.acme();
        assertThat(acme.id()).isEqualTo("cust-acme");
        assertThat(acme.region()).isEqualTo("310000");
        assertThat(acme.teamId()).isEqualTo("sh-enterprise");
        assertThat(acme.accountManagerId()).isEqualTo("cm-zhang");
        assertThat(acme.contacts()).isNotEmpty().allSatisfy(c -> assertThat(c.birthday()).isNotNull());
        assertThat(acme.holdings()).isNotEmpty();
        assertThat(DemoData.acmeMembers()).isNotEmpty().allMatch(n -> MobileNumber.parseOrNull(n) != null);
    }
}

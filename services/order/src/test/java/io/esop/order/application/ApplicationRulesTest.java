package io.esop.order.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.esop.contracts.StaffRole;

class ApplicationRulesTest {

    @Test
    void defaultChainByDiscount() {
        ApprovalChain chain = ApprovalChain.parse("5:;15:SALES_DIRECTOR;100:SALES_DIRECTOR,ADMIN");
        assertThat(chain.approversFor(BigDecimal.ZERO)).isEmpty();
        assertThat(chain.approversFor(new BigDecimal("5.00"))).isEmpty();
        assertThat(chain.approversFor(new BigDecimal("5.01"))).containsExactly(StaffRole.SALES_DIRECTOR);
        assertThat(chain.approversFor(new BigDecimal("12"))).containsExactly(StaffRole.SALES_DIRECTOR);
        assertThat(chain.approversFor(new BigDecimal("15"))).containsExactly(StaffRole.SALES_DIRECTOR);
        assertThat(chain.approversFor(new BigDecimal("15.5")))
                .containsExactly(StaffRole.SALES_DIRECTOR, StaffRole.ADMIN);
        assertThat(chain.approversFor(new BigDecimal("100")))
                .containsExactly(StaffRole.SALES_DIRECTOR, StaffRole.ADMIN);
    }

    @Test
    void chainIsConfigurableAndChecked() {
        ApprovalChain chain = ApprovalChain.parse("10:SALES_DIRECTOR ; 0: ");
        assertThat(chain.approversFor(BigDecimal.ZERO)).isEmpty();
        assertThat(chain.approversFor(BigDecimal.ONE)).containsExactly(StaffRole.SALES_DIRECTOR);
        assertThatThrownBy(() -> ApprovalChain.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApprovalChain.parse("5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApprovalChain.parse("5:BOSS")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void applicationStatusMachine() {
        assertThat(ApplicationStatus.DRAFT.canMoveTo(ApplicationStatus.PENDING_APPROVAL)).isTrue();
        assertThat(ApplicationStatus.DRAFT.canMoveTo(ApplicationStatus.APPROVED)).isTrue();
        assertThat(ApplicationStatus.PENDING_APPROVAL.canMoveTo(ApplicationStatus.REJECTED)).isTrue();
        assertThat(ApplicationStatus.REJECTED.canMoveTo(ApplicationStatus.DRAFT)).isTrue();
        assertThat(ApplicationStatus.APPROVED.canMoveTo(ApplicationStatus.ORDERED)).isTrue();
        assertThat(ApplicationStatus.APPROVED.canMoveTo(ApplicationStatus.DRAFT)).isFalse();
        assertThat(ApplicationStatus.ORDERED.canMoveTo(ApplicationStatus.DRAFT)).isFalse();
        assertThat(ApplicationStatus.PENDING_APPROVAL.canMoveTo(ApplicationStatus.ORDERED)).isFalse();
        assertThat(ApplicationStatus.DRAFT.editable()).isTrue();
        assertThat(ApplicationStatus.REJECTED.editable()).isTrue();
        assertThat(ApplicationStatus.PENDING_APPROVAL.editable()).isFalse();
        assertThat(ApplicationStatus.APPROVED.editable()).isFalse();
    }
}

package io.esop.order.trace.rest;

import java.util.List;

import io.esop.order.agreement.rest.AgreementView;
import io.esop.order.application.rest.ApplicationView;
import io.esop.order.application.rest.ApprovalView;
import io.esop.order.order.rest.OrderView;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A deal end to end under one number: application → approvals → agreement → order → milestones. Parts not
 * reached yet are null; an enterprise customer gets no application or approvals (internal).
 */
@RegisterForReflection
public record TraceView(String traceNo, ApplicationView application, List<ApprovalView> approvals,
        AgreementView agreement, OrderView order) {
}

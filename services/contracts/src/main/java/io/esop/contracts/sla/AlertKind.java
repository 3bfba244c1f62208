package io.esop.contracts.sla;

/** What an SLA alert says about its clock. */
public enum AlertKind {
    /** 预警: the warning threshold of the target has passed. */
    WARNING,
    /** 告警: the target has passed. */
    BREACHED,
    /** 升级: an escalation step after the breach has passed. */
    ESCALATED,
    /** The clock stopped within its target. */
    MET,
    /** The clock was cancelled (opportunity lost, order cancelled): no target applies any more. */
    CANCELLED
}

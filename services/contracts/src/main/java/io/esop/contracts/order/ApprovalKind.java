package io.esop.contracts.order;

/** What an approval is for. */
public enum ApprovalKind {
    /** 议价审批: a discount beyond what the customer manager may grant, decided by discount level. */
    PRICE_NEGOTIATION,
    /** 资源预占审批: reserve network resources before the order, decided by back office. */
    RESOURCE_PRE_RESERVATION
}

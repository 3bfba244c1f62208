package io.esop.order.agreement;

/** An agreement is issued when its application is approved, and signed once. */
public enum AgreementStatus {
    ISSUED,
    SIGNED;

    public boolean canMoveTo(AgreementStatus next) {
        return this == ISSUED && next == SIGNED;
    }
}

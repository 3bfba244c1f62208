package io.esop.order.template;

/** Who sees an attribute: customer and manager, or only back office (who complete it before submission). */
public enum Visibility {
    CUSTOMER_FACING,
    BACK_OFFICE
}

package io.esop.order.common;

/** The Keycloak realm roles. */
public final class Roles {

    public static final String CUSTOMER_MANAGER = "customer-manager";
    public static final String SALES_DIRECTOR = "sales-director";
    public static final String BACK_OFFICE = "back-office";
    public static final String ENTERPRISE_CUSTOMER = "enterprise-customer";
    public static final String ADMIN = "esop-admin";

    private Roles() {
    }
}

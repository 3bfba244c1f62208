package io.esop.workbench.common.web;

/** The realm roles the workbench tells apart (realm `esop`). */
public final class Role {

    public static final String CUSTOMER_MANAGER = "customer-manager";
    public static final String SALES_DIRECTOR = "sales-director";
    public static final String BACK_OFFICE = "back-office";
    public static final String ENTERPRISE_CUSTOMER = "enterprise-customer";
    public static final String ADMIN = "esop-admin";

    private Role() {
    }
}

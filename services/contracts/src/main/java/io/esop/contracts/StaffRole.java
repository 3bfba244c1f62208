package io.esop.contracts;

/** What a member of staff does; maps one-to-one onto the Keycloak realm roles of the same name. */
public enum StaffRole {
    /** 客户经理, realm role {@code customer-manager}. */
    CUSTOMER_MANAGER("customer-manager"),
    /** 管理者 / 政企部门经理, realm role {@code sales-director}. */
    SALES_DIRECTOR("sales-director"),
    /** 业务人员 / 后台受理, realm role {@code back-office}. */
    BACK_OFFICE("back-office"),
    /** Realm role {@code esop-admin}. */
    ADMIN("esop-admin");

    private final String realmRole;

    StaffRole(String realmRole) {
        this.realmRole = realmRole;
    }

    /** The Keycloak realm role of this staff role. */
    public String realmRole() {
        return realmRole;
    }
}

package io.esop.opportunity.common;

import java.util.Set;

/** Who calls, from the verified token: roles decide actions, these claims decide records. */
public record Caller(String username, Set<String> roles, String region, String team) {

    public static final String CUSTOMER_MANAGER = "customer-manager";
    public static final String SALES_DIRECTOR = "sales-director";
    public static final String BACK_OFFICE = "back-office";
    public static final String ADMIN = "esop-admin";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean readsAll() {
        return roles.contains(ADMIN) || roles.contains(BACK_OFFICE);
    }

    public boolean isDirector() {
        return roles.contains(SALES_DIRECTOR);
    }

    public boolean isManager() {
        return roles.contains(CUSTOMER_MANAGER);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }
}

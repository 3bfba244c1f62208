package io.esop.workbench.common.web;

import java.util.Set;

/**
 * Who is signed in, as far as data scope is concerned: the same claims the services check
 * (preferred_username, realm roles, region, team, customer_id).
 */
public record UserScope(String username, Set<String> roles, String region, String team, String customerId) {

    public UserScope {
        roles = Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean seesEverything() {
        return has(Role.BACK_OFFICE) || has(Role.ADMIN);
    }

    /** The home page this user starts on. */
    public String homeRole() {
        if (has(Role.SALES_DIRECTOR)) {
            return Role.SALES_DIRECTOR;
        }
        if (has(Role.CUSTOMER_MANAGER)) {
            return Role.CUSTOMER_MANAGER;
        }
        if (has(Role.BACK_OFFICE) || has(Role.ADMIN)) {
            return Role.BACK_OFFICE;
        }
        return Role.ENTERPRISE_CUSTOMER;
    }
}

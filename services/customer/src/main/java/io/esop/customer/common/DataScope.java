package io.esop.customer.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which customers a caller may read, from their token. Roles decide the kind of action; this decides
 * the records:
 * <ul>
 *   <li>back-office and esop-admin: every customer;</li>
 *   <li>sales-director: customers of their team ({@code team} claim);</li>
 *   <li>customer-manager: customers they manage, and those in their {@code region} that belong to their team;</li>
 *   <li>enterprise-customer: only their own company ({@code customer_id} claim).</li>
 * </ul>
 * A caller with several roles gets the union. Anything outside answers 404.
 */
public record DataScope(String username, Set<String> roles, String region, String team, String customerId) {

    public static final String CUSTOMER_MANAGER = "customer-manager";
    public static final String SALES_DIRECTOR = "sales-director";
    public static final String BACK_OFFICE = "back-office";
    public static final String ENTERPRISE_CUSTOMER = "enterprise-customer";
    public static final String ADMIN = "esop-admin";

    public DataScope {
        roles = Set.copyOf(roles);
    }

    public boolean readsAll() {
        return roles.contains(BACK_OFFICE) || roles.contains(ADMIN);
    }

    /** True when the caller is the enterprise customer {@code customerId}. */
    public boolean isEnterpriseCustomerOf(String id) {
        return roles.contains(ENTERPRISE_CUSTOMER) && customerId != null && customerId.equals(id);
    }

    /**
     * The restriction as an HQL condition on the customer alias {@code c}, with its parameters added to
     * {@code params}.
     */
    public String condition(Map<String, Object> params) {
        if (readsAll()) {
            return "1 = 1";
        }
        List<String> any = new ArrayList<>();
        if (roles.contains(CUSTOMER_MANAGER) && username != null) {
            params.put("scopeUser", username);
            if (region != null && team != null) {
                params.put("scopeRegion", region);
                params.put("scopeTeam", team);
                any.add("(c.accountManagerId = :scopeUser or (c.region = :scopeRegion and c.teamId = :scopeTeam))");
            } else {
                any.add("c.accountManagerId = :scopeUser");
            }
        }
        if (roles.contains(SALES_DIRECTOR) && team != null) {
            params.put("scopeDirectorTeam", team);
            any.add("c.teamId = :scopeDirectorTeam");
        }
        if (roles.contains(ENTERPRISE_CUSTOMER) && customerId != null) {
            params.put("scopeCustomer", customerId);
            any.add("c.id = :scopeCustomer");
        }
        return any.isEmpty() ? "1 = 0" : "(" + String.join(" or ", any) + ")";
    }
}

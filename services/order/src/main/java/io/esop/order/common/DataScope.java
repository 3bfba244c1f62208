package io.esop.order.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which applications, agreements and orders a caller may read, from their token. Roles decide the kind of
 * action; this decides the records:
 * <ul>
 *   <li>back-office and esop-admin: everything;</li>
 *   <li>sales-director: their team's ({@code team} claim);</li>
 *   <li>customer-manager: those they own and those of the customers they manage;</li>
 *   <li>enterprise-customer: only their own company's ({@code customer_id} claim), and only agreements and
 *       orders (applications and approvals are internal).</li>
 * </ul>
 * A caller with several roles gets the union. Anything outside answers 404.
 */
public record DataScope(String username, Set<String> roles, String region, String team, String customerId) {

    public DataScope {
        roles = Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean readsAll() {
        return has(Roles.BACK_OFFICE) || has(Roles.ADMIN);
    }

    public boolean isStaff() {
        return has(Roles.CUSTOMER_MANAGER) || has(Roles.SALES_DIRECTOR) || readsAll();
    }

    /** True when the caller is the enterprise customer {@code id}. */
    public boolean isEnterpriseCustomerOf(String id) {
        return has(Roles.ENTERPRISE_CUSTOMER) && customerId != null && customerId.equals(id);
    }

    /** Whether the caller may read a record with these owning attributes. */
    public boolean sees(Owned record, boolean customerMaySee) {
        if (readsAll()) {
            return true;
        }
        if (has(Roles.CUSTOMER_MANAGER) && username != null
                && (username.equals(record.ownerId()) || username.equals(record.accountManagerId()))) {
            return true;
        }
        if (has(Roles.SALES_DIRECTOR) && team != null && team.equals(record.teamId())) {
            return true;
        }
        return customerMaySee && isEnterpriseCustomerOf(record.customerId());
    }

    /**
     * The restriction as an HQL condition on alias {@code alias} (an entity with ownerId, accountManagerId,
     * teamId and customerId), its parameters added to {@code params}.
     */
    public String condition(String alias, Map<String, Object> params, boolean customerMaySee) {
        if (readsAll()) {
            return "1 = 1";
        }
        List<String> any = new ArrayList<>();
        if (has(Roles.CUSTOMER_MANAGER) && username != null) {
            params.put("scopeUser", username);
            any.add(alias + ".ownerId = :scopeUser or " + alias + ".accountManagerId = :scopeUser");
        }
        if (has(Roles.SALES_DIRECTOR) && team != null) {
            params.put("scopeTeam", team);
            any.add(alias + ".teamId = :scopeTeam");
        }
        if (customerMaySee && has(Roles.ENTERPRISE_CUSTOMER) && customerId != null) {
            params.put("scopeCustomer", customerId);
            any.add(alias + ".customerId = :scopeCustomer");
        }
        return any.isEmpty() ? "1 = 0" : "(" + String.join(" or ", any) + ")";
    }

    /** What scope rules look at on a record. */
    public interface Owned {
        String ownerId();

        String accountManagerId();

        String teamId();

        String customerId();
    }
}

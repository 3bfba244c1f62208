package io.esop.workbench.live;

import io.esop.contracts.EventTypes;
import io.esop.workbench.common.web.Role;
import io.esop.workbench.common.web.UserScope;
import java.util.Objects;

/**
 * Whether a user may see an event on the live stream: the same data scope as the services' APIs (customer service
 * README, architecture brief). Back-office and admins see everything; a director their team; a customer manager
 * what names them, their customers, their region-and-team's customers and open bids in their region; an
 * enterprise customer only their own company's orders and profile (never approvals, alerts or opportunities).
 */
public final class ScopeFilter {

    private ScopeFilter() {
    }

    public static boolean visible(UserScope user, LiveEvent event, CustomerDirectory directory) {
        if (user.seesEverything()) {
            return true;
        }
        CustomerDirectory.Entry customer = directory.get(event.customerId());
        if (user.has(Role.SALES_DIRECTOR) && user.team() != null
                && (user.team().equals(event.teamId()) || customer != null && user.team().equals(customer.teamId()))) {
            return true;
        }
        if (user.has(Role.CUSTOMER_MANAGER)) {
            if (event.people().contains(user.username())) {
                return true;
            }
            if (customer != null && (user.username().equals(customer.accountManagerId())
                    || user.region() != null && user.team() != null
                            && user.region().equals(customer.region()) && user.team().equals(customer.teamId()))) {
                return true;
            }
            if (EventTypes.OPPORTUNITY_BIDDING_OPENED.name().equals(event.type())
                    && user.region() != null && user.region().equals(event.region())) {
                return true;
            }
        }
        if (user.has(Role.ENTERPRISE_CUSTOMER) && user.customerId() != null
                && Objects.equals(user.customerId(), event.customerId())) {
            return isCustomerFacing(event);
        }
        return false;
    }

    /** What a company may see of itself: its orders' progress and its profile, not internal approvals or alerts. */
    static boolean isCustomerFacing(LiveEvent event) {
        String type = event.type() == null ? "" : event.type();
        return type.startsWith("esop.order.") || type.startsWith("esop.customer.");
    }
}

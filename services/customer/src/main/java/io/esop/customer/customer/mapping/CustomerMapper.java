package io.esop.customer.customer.mapping;

import java.time.Instant;

import io.esop.contracts.customer.CustomerSnapshot;
import io.esop.customer.customer.Contact;
import io.esop.customer.customer.Customer;
import io.esop.customer.customer.Holding;
import io.esop.customer.customer.rest.CustomerViews.ContactView;
import io.esop.customer.customer.rest.CustomerViews.CustomerProfile;
import io.esop.customer.customer.rest.CustomerViews.HoldingView;

/** Entity → API and event types. */
public final class CustomerMapper {

    private CustomerMapper() {
    }

    public static CustomerProfile profile(Customer c) {
        return new CustomerProfile(c.id, c.name, c.creditCode, c.industry, c.region, c.valueTier, c.status,
                c.accountManagerId, c.teamId, c.creditLimit, c.arrears, c.createdAt, c.updatedAt, c.version);
    }

    public static ContactView contact(Contact c) {
        return new ContactView(c.id.toString(), c.name, c.role, c.phone, c.email, c.birthday);
    }

    public static HoldingView holding(Holding h) {
        return new HoldingView(h.productLine, h.since, h.monthlyRevenue);
    }

    public static CustomerSnapshot snapshot(Customer c) {
        return new CustomerSnapshot(c.id, c.name, c.creditCode, c.industry, c.region, c.valueTier, c.status,
                c.accountManagerId, c.teamId, c.creditLimit, c.arrears, c.updatedAt, c.version, Instant.now());
    }
}

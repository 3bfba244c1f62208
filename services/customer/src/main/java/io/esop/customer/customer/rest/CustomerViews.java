package io.esop.customer.customer.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.esop.contracts.Industry;
import io.esop.contracts.ProductLine;
import io.esop.contracts.ValueTier;
import io.esop.contracts.customer.CustomerStatus;

/** The API's read types; entities never leave the service. */
public final class CustomerViews {

    private CustomerViews() {
    }

    /** A customer's profile; also the item of the customer list. */
    public record CustomerProfile(String id, String name, String creditCode, Industry industry, String region,
            ValueTier valueTier, CustomerStatus status, String accountManagerId, String teamId,
            BigDecimal creditLimit, BigDecimal arrears, Instant createdAt, Instant updatedAt, long version) {
    }

    public record ContactView(String id, String name, String role, String phone, String email,
            LocalDate birthday) {
    }

    public record HoldingView(ProductLine productLine, LocalDate since, BigDecimal monthlyRevenue) {
    }

    public record MemberView(String msisdn, Instant addedAt) {
    }

    /** The group members' count and first page; further pages from {@code links.members}. */
    public record MembersSummary(long count, List<MemberView> items, String nextCursor) {
    }

    /** Arrears handling / credit control (欠费 / 信控). */
    public record Credit(BigDecimal creditLimit, BigDecimal arrears, BigDecimal available) {
    }

    /** The 360° view of one customer. {@code links} point at other services' resources by customer id. */
    public record CustomerView(CustomerProfile profile, List<ContactView> contacts, MembersSummary members,
            List<HoldingView> holdings, BigDecimal monthlyRevenue, Credit credit, Map<String, String> links) {
    }
}

package io.esop.workbench.customer.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the workbench reads of the customer service's JSON. Enums are kept as strings and unknown fields ignored,
 * so that the customer service can add values and fields without breaking the pages.
 */
public final class CustomerModels {

    private CustomerModels() {
    }


    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Profile(String id, String name, String creditCode, String industry, String region,
            String valueTier, String status, String accountManagerId, String teamId, BigDecimal creditLimit,
            BigDecimal arrears, Instant updatedAt) {

        public boolean inArrears() {
            return arrears != null && arrears.signum() > 0;
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(String id, String name, String role, String phone, String email, LocalDate birthday) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Holding(String productLine, LocalDate since, BigDecimal monthlyRevenue) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Member(String msisdn, Instant addedAt) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Members(long count, List<Member> items, String nextCursor) {
        public Members {
            items = items == null ? List.of() : items;
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Credit(BigDecimal creditLimit, BigDecimal arrears, BigDecimal available) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record View(Profile profile, List<Contact> contacts, Members members, List<Holding> holdings,
            BigDecimal monthlyRevenue, Credit credit, Map<String, String> links) {
        public View {
            contacts = contacts == null ? List.of() : contacts;
            holdings = holdings == null ? List.of() : holdings;
        }
    }
}

package io.esop.workbench.order.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the workbench reads of the order service's JSON (services/order: templates, applications, approvals,
 * agreements, orders). Enums are strings and unknown fields are ignored.
 */
public final class OrderModels {

    private OrderModels() {
    }


    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Template(String code, int version, String name, String productLine,
            boolean needsResourceReservation, String description, List<Attribute> attributes) {
        public Template {
            attributes = attributes == null ? List.of() : attributes;
        }

        /** The attributes a customer-facing person fills; back office completes the rest. */
        public List<Attribute> customerFacing() {
            return attributes.stream().filter(Attribute::customerFacing).toList();
        }

        public List<Attribute> backOffice() {
            return attributes.stream().filter(a -> !a.customerFacing()).toList();
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attribute(String name, String label, String type, boolean required, BigDecimal min, BigDecimal max,
            String pattern, List<String> allowedValues, Object defaultValue, String visibility) {

        public boolean customerFacing() {
            return !"BACK_OFFICE".equals(visibility);
        }

        public boolean isEnum() {
            return "ENUM".equals(type) && allowedValues != null;
        }

        public boolean isNumber() {
            return "INTEGER".equals(type) || "DECIMAL".equals(type);
        }

        public boolean isBoolean() {
            return "BOOLEAN".equals(type);
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String productCode, int templateVersion, String productName, String productLine,
            boolean needsResourceReservation, int quantity, Map<String, Object> attributes,
            List<String> backOfficeAttributes, BigDecimal listPrice, BigDecimal discountPercent,
            BigDecimal monthlyAmount) {
        public Item {
            attributes = attributes == null ? Map.of() : attributes;
            backOfficeAttributes = backOfficeAttributes == null ? List.of() : backOfficeAttributes;
        }

        public Object value(String attribute) {
            Object value = attributes.get(attribute);
            return value == null ? "" : value;
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Approval(String approvalId, String applicationNo, int round, int step, String kind,
            String approverRole, String approverId, String status, BigDecimal discountPercent, String decidedBy,
            String comment, Instant requestedAt, Instant decidedAt) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Application(String applicationNo, String status, String customerId, String customerName,
            String ownerId, String teamId, String valueTier, String productLine, String opportunityId,
            List<Item> items, BigDecimal listTotal, BigDecimal monthlyValue, BigDecimal maxDiscountPercent,
            LocalDate requestedCompletionDate, String rejectionReason, int approvalRound, List<Approval> approvals,
            Instant createdAt, Instant updatedAt) {
        public Application {
            items = items == null ? List.of() : items;
            approvals = approvals == null ? List.of() : approvals;
        }

        public boolean editable() {
            return "DRAFT".equals(status) || "REJECTED".equals(status);
        }

        /** The number shared by the application, its agreement and its order. */
        public String trace() {
            return applicationNo == null ? "" : applicationNo.substring(applicationNo.indexOf('-') + 1);
        }

        public String agreementNo() {
            return "AGR-" + trace();
        }

        public String orderId() {
            return "ORD-" + trace();
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Agreement(String agreementNo, String applicationNo, String status, String customerId,
            String customerName, String ownerId, List<Item> items, BigDecimal listTotal, BigDecimal monthlyValue,
            BigDecimal maxDiscountPercent, LocalDate requestedCompletionDate, List<String> terms, Instant issuedAt,
            String signedBy, Instant signedAt, String orderId) {
        public Agreement {
            items = items == null ? List.of() : items;
            terms = terms == null ? List.of() : terms;
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Order(String orderId, String applicationNo, String agreementNo, String opportunityId,
            String customerId, String ownerId, String teamId, String productLine, String valueTier,
            BigDecimal monthlyValue, String state, String stateReason, LocalDate requestedCompletionDate,
            LocalDate billingStartDate, Instant createdAt, Instant updatedAt, Instant completedAt,
            List<TimelineEntry> timeline) {
        public Order {
            timeline = timeline == null ? List.of() : timeline;
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TimelineEntry(long sequence, String milestone, String kind, String system, String detail,
            Instant occurredAt, Instant receivedAt, String eventId) {
    }

    // --- requests ---

    @RegisterForReflection
    public record ItemRequest(String productCode, Integer templateVersion, Integer quantity,
            Map<String, Object> attributes, BigDecimal listPrice, BigDecimal discountPercent) {
    }

    @RegisterForReflection
    public record ApplicationRequest(String customerId, LocalDate requestedCompletionDate, List<ItemRequest> items) {
    }

    @RegisterForReflection
    public record Decision(String decision, String comment) {
    }
}

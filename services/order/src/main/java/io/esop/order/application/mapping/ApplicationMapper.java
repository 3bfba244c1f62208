package io.esop.order.application.mapping;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.opportunity.CreditSplit;
import io.esop.order.application.Application;
import io.esop.order.application.ApplicationItem;
import io.esop.order.application.Approval;
import io.esop.order.application.rest.ApplicationView;
import io.esop.order.application.rest.ApprovalView;

/** Entities to API views, and the items to and from their JSON column. */
@ApplicationScoped
public class ApplicationMapper {

    private static final TypeReference<List<ApplicationItem>> ITEMS = new TypeReference<>() {
    };

    private final ObjectMapper objectMapper;

    public ApplicationMapper(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public List<ApplicationItem> items(Application application) {
        try {
            return objectMapper.readValue(application.itemsJson, ITEMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("application " + application.applicationNo + " has unreadable items", e);
        }
    }

    public String itemsJson(List<ApplicationItem> items) {
        try {
            return objectMapper.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The items without the attributes only back office sees (what a customer reads on the agreement). */
    public static List<ApplicationItem> customerFacing(List<ApplicationItem> items) {
        return items.stream().map(i -> new ApplicationItem(i.productCode(), i.templateVersion(), i.productName(),
                i.productLine(), i.needsResourceReservation(), i.quantity(),
                i.attributes().entrySet().stream()
                        .filter(e -> i.backOfficeAttributes() == null || !i.backOfficeAttributes().contains(e.getKey()))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                                java.util.LinkedHashMap::new)),
                List.of(), i.listPrice(), i.discountPercent(), i.monthlyAmount())).toList();
    }

    public static CreditSplit creditSplit(Application a) {
        return new CreditSplit(a.ownerId, a.ownerSharePercent, a.partnerId, a.partnerSharePercent);
    }

    public ApplicationView view(Application a, List<Approval> approvals, boolean backOffice) {
        List<ApplicationItem> items = items(a);
        return new ApplicationView(a.applicationNo, a.status, a.customerId, a.customerName, a.ownerId, a.teamId,
                a.valueTier, a.productLine, a.opportunityId, creditSplit(a),
                backOffice ? items : customerFacing(items), a.listTotal, a.monthlyValue, a.maxDiscountPercent,
                a.requestedCompletionDate, a.rejectionReason, a.approvalRound,
                approvals.stream().map(ApplicationMapper::view).toList(), a.createdAt, a.updatedAt);
    }

    public static ApprovalView view(Approval p) {
        return new ApprovalView(p.approvalId(), p.applicationNo, p.round, p.step, p.kind, p.approverRole,
                p.approverId, p.status, p.discountPercent, p.decidedBy, p.comment, p.requestedAt, p.decidedAt);
    }
}

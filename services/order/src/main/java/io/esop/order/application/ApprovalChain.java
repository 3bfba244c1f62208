package io.esop.order.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.esop.contracts.StaffRole;

/**
 * Who must approve a discount: tiers of "up to X % → these approvers, in order". Written as
 * {@code 5:;15:SALES_DIRECTOR;100:SALES_DIRECTOR,ADMIN} (the default: up to 5 % nobody, up to 15 % the team's
 * director, above that the director and then an admin).
 */
public final class ApprovalChain {

    public record Tier(BigDecimal upTo, List<StaffRole> approvers) {
    }

    private final List<Tier> tiers;

    private ApprovalChain(List<Tier> tiers) {
        this.tiers = tiers;
    }

    public static ApprovalChain parse(String spec) {
        List<Tier> tiers = new ArrayList<>();
        for (String part : spec.split(";")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("approval chain tier '" + trimmed + "' is not UPTO:ROLE,ROLE");
            }
            BigDecimal upTo = new BigDecimal(trimmed.substring(0, colon).trim());
            List<StaffRole> roles = Arrays.stream(trimmed.substring(colon + 1).split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).map(StaffRole::valueOf).toList();
            tiers.add(new Tier(upTo, roles));
        }
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("approval chain has no tiers");
        }
        tiers.sort(Comparator.comparing(Tier::upTo));
        return new ApprovalChain(List.copyOf(tiers));
    }

    /** The approvers, in order, for a discount in percent; beyond the last tier, the last tier's. */
    public List<StaffRole> approversFor(BigDecimal discountPercent) {
        for (Tier tier : tiers) {
            if (discountPercent.compareTo(tier.upTo()) <= 0) {
                return tier.approvers();
            }
        }
        return tiers.get(tiers.size() - 1).approvers();
    }
}

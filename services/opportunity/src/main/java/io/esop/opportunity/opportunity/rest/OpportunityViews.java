package io.esop.opportunity.opportunity.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.esop.contracts.ProductLine;
import io.esop.contracts.ValueTier;
import io.esop.contracts.opportunity.CreditSplit;
import io.esop.contracts.opportunity.OpportunityStage;
import io.esop.contracts.signal.Intent;
import io.esop.contracts.signal.SignalSource;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** What the API returns: records, never entities. */
public final class OpportunityViews {

    private OpportunityViews() {
    }

    @RegisterForReflection
    public record Summary(String id, OpportunityStage stage, SignalSource source, String customerId, String prospectName,
            String region, String industry, ProductLine productLine, Intent intent, ValueTier valueTier, int score,
            BigDecimal estimatedMonthlyValue, String ownerId, String teamId, Instant biddingClosesAt, int signalCount,
            Instant createdAt, Instant updatedAt) {
    }

    @RegisterForReflection
    public record Detail(Summary summary, String directorId, String assignmentReason, List<String> eligibleManagerIds,
            String awardReason, String awardedBy, Collaboration collaboration, CreditSplit creditSplit,
            String lostReason, Instant convertedAt, Prospect prospect, JsonNode scoreBreakdown, List<SignalView> signals,
            List<TimelineView> timeline, List<BidView> bids, List<OpportunityStage> nextStages) {
    }

    @RegisterForReflection
    public record Prospect(String name, String creditCode, String contactName, String contactPhone) {
    }

    @RegisterForReflection
    public record Collaboration(String status, String partnerId, int ownerSharePercent, int partnerSharePercent) {
    }

    @RegisterForReflection
    public record SignalView(String signalId, String outcome, SignalSource source, double strength,
            BigDecimal estimatedMonthlyValue, Instant observedAt, String detail, String capturedBy) {
    }

    @RegisterForReflection
    public record TimelineView(Long sequence, String type, Instant at, String actor, String summary) {
    }

    @RegisterForReflection
    public record BidView(String id, String bidderId, String plan, LocalDate proposedFirstContact, double ability,
            Instant submittedAt) {
    }

    @RegisterForReflection
    public record SignalStatus(String signalId, String outcome, String opportunityId) {
    }

    @RegisterForReflection
    public record Accepted(String signalId) {
    }

    @RegisterForReflection
    public record FunnelRow(String key, long total, long open, long won, long lost, double conversionRate) {
    }

    @RegisterForReflection
    public record BidderRow(String bidderId, long bids, long won, double winRate) {
    }

    @RegisterForReflection
    public record Funnel(String by, List<FunnelRow> rows, List<BidderRow> bidders) {
    }
}

package io.esop.workbench.opportunity.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the workbench reads of the opportunity service's JSON (services/opportunity, OpportunityViews). Enums are
 * strings and unknown fields are ignored, so the service can add values and fields without breaking a page.
 */
public final class OpportunityModels {

    private OpportunityModels() {
    }


    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Summary(String id, String stage, String source, String customerId, String prospectName,
            String region, String industry, String productLine, String intent, String valueTier, int score,
            BigDecimal estimatedMonthlyValue, String ownerId, String teamId, Instant biddingClosesAt, int signalCount,
            Instant createdAt, Instant updatedAt) {

        /** The customer's id, or the prospect's name for a company that is not a customer yet. */
        public String who() {
            return customerId != null ? customerId : prospectName;
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Detail(Summary summary, String directorId, String assignmentReason, String awardReason,
            String awardedBy, Collaboration collaboration, CreditSplit creditSplit, String lostReason,
            Instant convertedAt, Prospect prospect, Score scoreBreakdown, List<Signal> signals,
            List<TimelineEntry> timeline, List<Bid> bids, List<String> nextStages) {
        public Detail {
            signals = signals == null ? List.of() : signals;
            timeline = timeline == null ? List.of() : timeline;
            bids = bids == null ? List.of() : bids;
            nextStages = nextStages == null ? List.of() : nextStages;
        }

        public boolean won() {
            return "WON".equals(summary.stage());
        }

        /** True when a second manager is invited or collaborating (the service shows status NONE otherwise). */
        public boolean collaborating() {
            return collaboration != null && collaboration.partnerId() != null;
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Score(int score, List<ScoreComponent> components) {
        public Score {
            components = components == null ? List.of() : components;
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ScoreComponent(String name, double factor, int weight, double points, String basis) {
        /** Bar width in percent of the component's weight. */
        public long percent() {
            return weight <= 0 ? 0 : Math.round(Math.min(100, Math.max(0, points * 100 / weight)));
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Prospect(String name, String creditCode, String contactName, String contactPhone) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Collaboration(String status, String partnerId, int ownerSharePercent, int partnerSharePercent) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CreditSplit(String ownerId, int ownerSharePercent, String partnerId, int partnerSharePercent) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Signal(String signalId, String outcome, String source, double strength,
            BigDecimal estimatedMonthlyValue, Instant observedAt, String detail, String capturedBy) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TimelineEntry(Long sequence, String type, Instant at, String actor, String summary) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bid(String id, String bidderId, String plan, LocalDate proposedFirstContact, double ability,
            Instant submittedAt) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SignalStatus(String signalId, String outcome, String opportunityId) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Accepted(String signalId) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FunnelRow(String key, long total, long open, long won, long lost, double conversionRate) {
        public long percent() {
            return Math.round(conversionRate <= 1 ? conversionRate * 100 : conversionRate);
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Funnel(String by, List<FunnelRow> rows) {
        public Funnel {
            rows = rows == null ? List.of() : rows;
        }

        /** A row's bar width in percent of the largest row. */
        public long width(FunnelRow row) {
            long max = rows.stream().mapToLong(FunnelRow::total).max().orElse(0);
            return max == 0 ? 0 : row.total() * 100 / max;
        }
    }

    // --- requests ---

    @RegisterForReflection
    public record Prospecting(String name, String creditCode, String region, String industry, String contactName,
            String contactPhone) {
    }

    @RegisterForReflection
    public record FieldCapture(String customerId, Prospecting prospect, String productLine, String intent,
            Double strength, BigDecimal estimatedMonthlyValue, String detail) {
    }

    @RegisterForReflection
    public record StageChange(String stage, String reason) {
    }

    @RegisterForReflection
    public record BidRequest(String plan, LocalDate proposedFirstContact) {
    }

    @RegisterForReflection
    public record AwardRequest(String bidderId, String reason) {
    }

    @RegisterForReflection
    public record InviteRequest(String partnerId, int ownerSharePercent, int partnerSharePercent) {
    }

    @RegisterForReflection
    public record ConvertRequest(String customerId, String applicationNo) {
    }
}

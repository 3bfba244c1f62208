package io.esop.opportunity.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import io.esop.opportunity.opportunity.service.OpportunityScorer;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.esop.contracts.ProductLine;
import io.esop.contracts.ValueTier;
import io.esop.contracts.opportunity.CreditSplit;
import io.esop.contracts.opportunity.OpportunityStage;
import io.esop.contracts.signal.Intent;
import io.esop.contracts.signal.SignalSource;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** An opportunity (商机): collected from signals, owned by a customer manager, carried to WON or LOST. */
@Entity
@Table(name = "opportunity")
public class Opportunity extends PanacheEntityBase {

    @Id
    public String id;
    public String mergeKey;
    public boolean mergeable;
    public String customerId;
    public String prospectName;
    public String prospectCreditCode;
    public String prospectContactName;
    public String prospectContactPhone;
    public String region;
    public String industry;
    @Enumerated(EnumType.STRING)
    public ProductLine productLine;
    @Enumerated(EnumType.STRING)
    public Intent intent;
    @Enumerated(EnumType.STRING)
    public ValueTier valueTier;
    @Enumerated(EnumType.STRING)
    public SignalSource source;
    public int score;
    public String scoreBreakdown;
    public BigDecimal estimatedMonthlyValue;
    @Enumerated(EnumType.STRING)
    public OpportunityStage stage;
    public String ownerId;
    public String teamId;
    public String directorId;
    public String assignmentReason;
    public Instant biddingClosesAt;
    /** ",a,b," so that membership is a LIKE '%,id,%'. */
    public String eligibleManagerIds;
    public String awardReason;
    public String awardedBy;
    public String partnerId;
    public int ownerSharePercent = 100;
    public int partnerSharePercent;
    @Enumerated(EnumType.STRING)
    public CollaborationStatus collaborationStatus = CollaborationStatus.NONE;
    public String lostReason;
    public Instant convertedAt;
    public String applicationNo;
    public int signalCount;
    /** Of its signals, the one whose source counts most in the score (the first of equals). */
    @Enumerated(EnumType.STRING)
    public SignalSource bestSource;
    /** The product of (1 - strength) over its signals: 1 minus it is their combined strength. */
    public double noStrength;
    public Instant lastSignalAt;
    /** The sequence of the last event published for this opportunity (events start at 1). */
    public long sequence;
    public Instant createdAt;
    public Instant updatedAt;

    public enum CollaborationStatus {
        NONE, INVITED, ACCEPTED
    }

    public List<String> eligibleManagers() {
        if (eligibleManagerIds == null || eligibleManagerIds.isBlank()) {
            return List.of();
        }
        return Arrays.stream(eligibleManagerIds.split(",")).filter(s -> !s.isBlank()).toList();
    }

    public void eligibleManagers(List<String> ids) {
        eligibleManagerIds = ids.isEmpty() ? null : "," + String.join(",", ids) + ",";
    }

    /** The credit split in force: the partner counts only once they accepted. */
    public CreditSplit creditSplit() {
        if (ownerId == null) {
            return null;
        }
        return collaborationStatus == CollaborationStatus.ACCEPTED
                ? new CreditSplit(ownerId, ownerSharePercent, partnerId, partnerSharePercent)
                : CreditSplit.soleOwner(ownerId);
    }

    /** Score as the events carry it, 0..1. */
    public double eventScore() {
        return score / 100.0;
    }

    /** What scoring needs of its signals, without reading them back. */
    public OpportunityScorer.Summary evidence() {
        return new OpportunityScorer.Summary(signalCount, noStrength, bestSource, estimatedMonthlyValue, lastSignalAt);
    }

    public void setEvidence(OpportunityScorer.Summary evidence) {
        signalCount = evidence.count();
        noStrength = evidence.noStrength();
        bestSource = evidence.bestSource();
        estimatedMonthlyValue = evidence.highestValue();
        lastSignalAt = evidence.latest();
    }
}

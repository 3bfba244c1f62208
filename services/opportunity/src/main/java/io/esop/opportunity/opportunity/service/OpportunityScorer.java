package io.esop.opportunity.opportunity.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.esop.contracts.ValueTier;
import io.esop.contracts.signal.Intent;
import io.esop.contracts.signal.SignalSource;
import io.esop.opportunity.config.OpportunityConfig;
import io.esop.opportunity.opportunity.ScoreBreakdown;
import io.esop.opportunity.opportunity.ScoreBreakdown.Component;

/**
 * Scores an opportunity 0..100 from all its evidence: the weighted mean of six factors in 0..1, scaled.
 * Several signals strengthen each other (combined strength 1 - prod(1 - s)), so a merge never lowers
 * the strength component.
 */
@ApplicationScoped
public class OpportunityScorer {

    /** One piece of evidence, as much of a signal as scoring needs. */
    public record Evidence(SignalSource source, double strength, BigDecimal monthlyValue, Instant observedAt) {
    }

    /**
     * All the evidence of an opportunity folded into what its score depends on, so that a merge adds one piece to
     * it instead of reading every earlier signal back: how many, the product of (1 - strength), the best source
     * (the first of equals), the highest monthly value and the latest observation.
     */
    public record Summary(int count, double noStrength, SignalSource bestSource, BigDecimal highestValue,
            Instant latest) {

        public static Summary of(Evidence e) {
            return new Summary(1, 1.0 - clamp(e.strength()), e.source(), e.monthlyValue(), e.observedAt());
        }

        public static Summary of(Collection<Evidence> evidence) {
            Summary summary = null;
            for (Evidence e : evidence) {
                summary = summary == null ? of(e) : summary.with(e);
            }
            if (summary == null) {
                throw new IllegalArgumentException("an opportunity has at least one signal");
            }
            return summary;
        }

        public Summary with(Evidence e) {
            return new Summary(count + 1, noStrength * (1.0 - clamp(e.strength())),
                    sourceFactor(e.source()) > sourceFactor(bestSource) ? e.source() : bestSource,
                    e.monthlyValue().compareTo(highestValue) > 0 ? e.monthlyValue() : highestValue,
                    e.observedAt().isAfter(latest) ? e.observedAt() : latest);
        }

        private static double clamp(double strength) {
            return Math.max(0.0, Math.min(1.0, strength));
        }
    }

    private final OpportunityConfig.Weights weights;
    private final BigDecimal valueCap;
    private final Duration window;

    @Inject
    public OpportunityScorer(OpportunityConfig config) {
        this(config.scoring().weights(), config.scoring().valueCap(), config.mergeWindow());
    }

    public OpportunityScorer(OpportunityConfig.Weights weights, BigDecimal valueCap, Duration window) {
        this.weights = weights;
        this.valueCap = valueCap;
        this.window = window;
    }

    public ScoreBreakdown score(ValueTier tier, Intent intent, Collection<Evidence> evidence, Instant now) {
        return score(tier, intent, Summary.of(evidence), now);
    }

    public ScoreBreakdown score(ValueTier tier, Intent intent, Summary evidence, Instant now) {
        double noStrength = evidence.noStrength();
        SignalSource bestSource = evidence.bestSource();
        BigDecimal value = evidence.highestValue();
        Instant latest = evidence.latest();
        double ageDays = Math.max(0, Duration.between(latest, now).toMillis()) / 86_400_000.0;
        double windowDays = Math.max(1, window.toMillis() / 86_400_000.0);

        List<Component> parts = new ArrayList<>();
        int total = weights.valueTier() + weights.source() + weights.strength() + weights.intent() + weights.value()
                + weights.recency();
        if (total <= 0) {
            throw new IllegalStateException("esop.opportunity.scoring.weights must add up to more than 0");
        }
        add(parts, total, "valueTier", tierFactor(tier), weights.valueTier(), tier.name());
        add(parts, total, "source", sourceFactor(bestSource), weights.source(), bestSource.name());
        add(parts, total, "strength", 1.0 - noStrength, weights.strength(), evidence.count() + " signal(s)");
        add(parts, total, "intent", intentFactor(intent), weights.intent(), intent.name());
        double valueFactor = valueCap.signum() <= 0 ? 1.0
                : Math.min(1.0, value.divide(valueCap, 6, RoundingMode.HALF_UP).doubleValue());
        add(parts, total, "value", Math.max(0.0, valueFactor), weights.value(), value.toPlainString() + " CNY/month");
        add(parts, total, "recency", Math.max(0.0, 1.0 - ageDays / windowDays), weights.recency(),
                String.format("%.1f days old", ageDays));
        double sum = parts.stream().mapToDouble(Component::points).sum();
        int score = (int) Math.max(0, Math.min(100, Math.round(sum)));
        return new ScoreBreakdown(score, parts);
    }

    private static void add(List<Component> parts, int total, String name, double factor, int weight, String basis) {
        double points = Math.round(1000.0 * factor * weight / total) / 10.0;
        parts.add(new Component(name, Math.round(factor * 1000) / 1000.0, weight, points, basis));
    }

    static double tierFactor(ValueTier tier) {
        return switch (tier) {
            case STRATEGIC -> 1.0;
            case KEY -> 0.75;
            case STANDARD -> 0.5;
            case SME -> 0.25;
        };
    }

    static double sourceFactor(SignalSource source) {
        return switch (source) {
            case PORTAL_INQUIRY -> 1.0; // the customer asked
            case FIELD_VISIT -> 0.9;
            case PARTNER_REFERRAL -> 0.8;
            case CONTRACT_EXPIRY, BASS_CHURN_RISK -> 0.7;
            case BASS_USAGE_SURGE -> 0.6;
            case CAMPAIGN_RESPONSE -> 0.5;
        };
    }

    static double intentFactor(Intent intent) {
        return switch (intent) {
            case RETAIN -> 1.0; // losing a customer costs most
            case EXPAND -> 0.8;
            case RENEW -> 0.7;
            case NEW -> 0.6;
        };
    }

    /** A prospect has no value tier yet: estimate it from the monthly value. */
    public static ValueTier estimateTier(BigDecimal monthlyValue) {
        if (monthlyValue.compareTo(BigDecimal.valueOf(100_000)) >= 0) {
            return ValueTier.STRATEGIC;
        }
        if (monthlyValue.compareTo(BigDecimal.valueOf(20_000)) >= 0) {
            return ValueTier.KEY;
        }
        if (monthlyValue.compareTo(BigDecimal.valueOf(3_000)) >= 0) {
            return ValueTier.STANDARD;
        }
        return ValueTier.SME;
    }
}

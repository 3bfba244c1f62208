package io.esop.opportunity.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.esop.contracts.ValueTier;
import io.esop.contracts.signal.Intent;
import io.esop.contracts.signal.SignalSource;
import io.esop.opportunity.config.OpportunityConfig;
import io.esop.opportunity.opportunity.service.OpportunityScorer;
import io.esop.opportunity.opportunity.service.OpportunityScorer.Evidence;

class OpportunityScorerTest {

    private static OpportunityConfig.Weights weights(int tier, int source, int strength, int intent, int value, int recency) {
        return new OpportunityConfig.Weights() {
            public int valueTier() { return tier; }
            public int source() { return source; }
            public int strength() { return strength; }
            public int intent() { return intent; }
            public int value() { return value; }
            public int recency() { return recency; }
        };
    }

    private final Instant now = Instant.parse("2026-06-01T00:00:00Z");
    private final OpportunityScorer scorer = new OpportunityScorer(weights(20, 15, 25, 10, 20, 10),
            BigDecimal.valueOf(50_000), Duration.ofDays(30));

    private Evidence evidence(SignalSource source, double strength, long value, Instant at) {
        return new Evidence(source, strength, BigDecimal.valueOf(value), at);
    }

    @Test
    void theBestCaseScoresOneHundredAndTheBreakdownAddsUp() {
        ScoreBreakdown best = scorer.score(ValueTier.STRATEGIC, Intent.RETAIN,
                List.of(evidence(SignalSource.PORTAL_INQUIRY, 1.0, 80_000, now)), now);
        assertThat(best.score()).isEqualTo(100);
        assertThat(best.components()).extracting(ScoreBreakdown.Component::name)
                .containsExactly("valueTier", "source", "strength", "intent", "value", "recency");
        assertThat(best.components().stream().mapToDouble(ScoreBreakdown.Component::points).sum()).isEqualTo(100.0);
    }

    @Test
    void scoresStayWithinZeroToHundredAndFollowTheFactors() {
        ScoreBreakdown weak = scorer.score(ValueTier.SME, Intent.NEW,
                List.of(evidence(SignalSource.CAMPAIGN_RESPONSE, 0.0, 0, now.minus(Duration.ofDays(90)))), now);
        assertThat(weak.score()).isBetween(0, 100);
        ScoreBreakdown strong = scorer.score(ValueTier.KEY, Intent.NEW,
                List.of(evidence(SignalSource.CAMPAIGN_RESPONSE, 0.0, 0, now.minus(Duration.ofDays(90)))), now);
        assertThat(strong.score()).isGreaterThan(weak.score());
    }

    @Test
    void moreEvidenceNeverLowersTheStrengthComponent() {
        Evidence one = evidence(SignalSource.BASS_USAGE_SURGE, 0.5, 5000, now);
        ScoreBreakdown single = scorer.score(ValueTier.STANDARD, Intent.EXPAND, List.of(one), now);
        ScoreBreakdown merged = scorer.score(ValueTier.STANDARD, Intent.EXPAND,
                List.of(one, evidence(SignalSource.BASS_USAGE_SURGE, 0.5, 5000, now)), now);
        assertThat(points(merged, "strength")).isGreaterThan(points(single, "strength"));
        assertThat(merged.score()).isGreaterThan(single.score());
    }

    @Test
    void evidenceFoldedOneSignalAtATimeIsWhatTheWholeEvidenceIs() {
        // a merge adds one signal to the opportunity's summary instead of reading its signals back
        Evidence first = evidence(SignalSource.BASS_CHURN_RISK, 0.4, 3_000, now.minus(Duration.ofDays(3)));
        Evidence second = evidence(SignalSource.PORTAL_INQUIRY, 0.5, 2_000, now.minus(Duration.ofDays(1)));
        Evidence third = evidence(SignalSource.CONTRACT_EXPIRY, 1.2, 9_000, now.minus(Duration.ofDays(2)));
        OpportunityScorer.Summary folded = OpportunityScorer.Summary.of(first).with(second).with(third);
        assertThat(folded).isEqualTo(OpportunityScorer.Summary.of(List.of(first, second, third)));
        assertThat(folded.count()).isEqualTo(3);
        assertThat(folded.bestSource()).isEqualTo(SignalSource.PORTAL_INQUIRY);
        assertThat(folded.highestValue()).isEqualByComparingTo("9000");
        assertThat(folded.latest()).isEqualTo(second.observedAt());
        assertThat(folded.noStrength()).isZero(); // a strength above 1 counts as 1: certain
        assertThat(OpportunityScorer.Summary.of(first).with(second).noStrength()).isCloseTo(0.6 * 0.5,
                org.assertj.core.data.Offset.offset(1e-12));
        // equal source factors: the first keeps its place
        assertThat(OpportunityScorer.Summary.of(first).with(third).bestSource()).isEqualTo(SignalSource.BASS_CHURN_RISK);
        assertThat(scorer.score(ValueTier.KEY, Intent.RETAIN, folded, now))
                .isEqualTo(scorer.score(ValueTier.KEY, Intent.RETAIN, List.of(third, first, second), now));
    }

    @Test
    void weightsAreConfigurable() {
        OpportunityScorer onlyValue = new OpportunityScorer(weights(0, 0, 0, 0, 1, 0), BigDecimal.valueOf(10_000),
                Duration.ofDays(30));
        assertThat(onlyValue.score(ValueTier.SME, Intent.NEW,
                List.of(evidence(SignalSource.CAMPAIGN_RESPONSE, 0.1, 5_000, now)), now).score()).isEqualTo(50);
    }

    @Test
    void prospectsGetATierFromTheirValue() {
        assertThat(OpportunityScorer.estimateTier(BigDecimal.valueOf(150_000))).isEqualTo(ValueTier.STRATEGIC);
        assertThat(OpportunityScorer.estimateTier(BigDecimal.valueOf(20_000))).isEqualTo(ValueTier.KEY);
        assertThat(OpportunityScorer.estimateTier(BigDecimal.valueOf(3_000))).isEqualTo(ValueTier.STANDARD);
        assertThat(OpportunityScorer.estimateTier(BigDecimal.valueOf(10))).isEqualTo(ValueTier.SME);
    }

    private static double points(ScoreBreakdown b, String name) {
        return b.components().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().points();
    }
}

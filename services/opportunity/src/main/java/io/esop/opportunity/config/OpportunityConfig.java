package io.esop.opportunity.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The rules of collection, scoring, assignment and bidding; every figure can be changed per deployment. */
@ConfigMapping(prefix = "esop.opportunity")
public interface OpportunityConfig {

    /** A signal merges into an open opportunity of the same customer, product line and intent within this window. */
    @WithDefault("P30D")
    Duration mergeWindow();

    /** Key prefix in Redis (the fast path for already-seen signal ids). */
    @WithDefault("esop:opportunity:")
    String redisPrefix();

    /** How long Redis remembers a processed signal id. */
    @WithDefault("P7D")
    Duration seenSignalTtl();

    /** Demo opportunities for the local stack ({@code ESOP_DEMO_DATA=true}), through the real pipeline. */
    @WithDefault("false")
    boolean demoData();

    Scoring scoring();

    Bidding bidding();

    Assignment assignment();

    interface Scoring {

        Weights weights();

        /** A monthly value at or above this counts fully in the value component. */
        @WithDefault("50000")
        BigDecimal valueCap();
    }

    /** Relative weights; the score is their weighted mean scaled to 0..100. */
    interface Weights {
        @WithDefault("20")
        int valueTier();

        @WithDefault("15")
        int source();

        @WithDefault("25")
        int strength();

        @WithDefault("10")
        int intent();

        @WithDefault("20")
        int value();

        @WithDefault("10")
        int recency();
    }

    interface Bidding {
        /** How long bids are accepted after bidding opens. */
        @WithDefault("PT24H")
        Duration window();

        /** At or above this estimated monthly value (CNY) an opportunity with an eligible pool opens for bidding. */
        @WithDefault("20000")
        BigDecimal valueThreshold();

        /** Two best abilities closer than this also open bidding rather than picking one. */
        @WithDefault("0.05")
        double abilityCloseness();

        /** How often expired bidding windows are closed and awarded by the system. */
        @WithDefault("30s")
        Duration closeInterval();
    }

    interface Assignment {
        /** The team whose director queue receives what no rule can place (no customer team, no director in the region). */
        @WithDefault("sh-enterprise")
        String fallbackTeam();

        /** The director of the fallback team when the staff directory does not name one. */
        Optional<String> fallbackDirector();

        /** How often the managers' load rows are folded into one per manager and product line. */
        @WithDefault("10s")
        Duration loadFoldInterval();
    }
}

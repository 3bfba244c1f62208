package io.esop.sla.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the SLA service ({@code esop.sla.*}). */
@ConfigMapping(prefix = "esop.sla")
public interface SlaConfig {

    TopicNames topics();

    /** How often the wall-clock punctuator looks for due thresholds; well under the one-second firing promise. */
    @WithDefault("100ms")
    Duration punctuateInterval();

    /**
     * The most wall time one punctuation of one task spends firing before it lets Streams commit; a burst of due
     * clocks goes out as a series of small transactions. 200 ms fires more per commit than 50 ms did, far below
     * {@code transaction.timeout.ms} still; with 100,000 clocks due within 3 s on 2 cores the p99 lateness was
     * 0.93–1.75 s against 1.1–1.9 s (docs/capacity.md: the runs vary more than the setting moves them).
     */
    @WithDefault("200ms")
    Duration fireBudget();

    /** Seed policies are published to esop.sla-policies.v1 at start when they have not been yet. */
    @WithDefault("true")
    boolean publishSeedPolicies();

    interface TopicNames {
        @WithDefault("esop.opportunities.v1")
        String opportunities();

        @WithDefault("esop.orders.v1")
        String orders();

        @WithDefault("esop.customers.v1")
        String customers();

        /** Read by the Streams global store; the REST API always publishes to esop.sla-policies.v1. */
        @WithDefault("esop.sla-policies.v1")
        String policies();

        @WithDefault("esop.sla-alerts.v1")
        String alerts();

        @WithDefault("esop.sla.dlq.v1")
        String deadLetters();
    }
}

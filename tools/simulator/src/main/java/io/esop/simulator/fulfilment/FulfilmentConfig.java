package io.esop.simulator.fulfilment;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the simulated fulfilment system behaves: how fast, and how untidily. */
@ConfigMapping(prefix = "esop.simulator.fulfilment")
public interface FulfilmentConfig {

    /** Off: submitted orders are not reported on. */
    @WithDefault("true")
    boolean enabled();

    /** Time between two consecutive reports of one order (a milestone starting, then completing). */
    @WithDefault("5s")
    Duration step();

    /** Each report is delayed by up to this much more, so reports overtake each other. */
    @WithDefault("3s")
    Duration reorderWindow();

    /** Probability that a report is sent a second time, later. */
    @WithDefault("0.2")
    double duplicateProbability();

    /** Probability that an order is held (waiting for the customer) once, after a milestone. */
    @WithDefault("0.3")
    double holdProbability();

    /** How long a hold lasts, in steps. */
    @WithDefault("3")
    int holdSteps();

    /**
     * Orders submitted longer ago than this are not reported on: the simulator reads esop.orders.v1
     * from where its group left off (from the beginning the first time), so that an order submitted
     * just before it started still moves, but it does not replay history.
     */
    @WithDefault("10m")
    Duration maxAge();

    /** Seed of the random choices; unset: a new seed each run. */
    java.util.Optional<Long> seed();
}

package io.esop.simulator.signals;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The simulated BASS analytics feed. */
@ConfigMapping(prefix = "esop.simulator.signals")
public interface SignalConfig {

    @WithDefault("true")
    boolean enabled();

    /** One signal per interval. */
    @WithDefault("120s")
    Duration interval();

    /** Demo customers the analytics talk about. */
    @WithDefault("cust-acme")
    List<String> customers();
}

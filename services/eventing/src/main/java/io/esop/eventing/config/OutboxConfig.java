package io.esop.eventing.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Outbox and relay settings, {@code esop.outbox.*}.
 */
@ConfigMapping(prefix = "esop.outbox")
public interface OutboxConfig {

    /** {@code ce_source} of every published event; defaults to the application name. */
    @WithDefault("${quarkus.application.name:esop}")
    String source();

    /** How long sent rows are kept before the cleanup deletes them. */
    @WithDefault("P7D")
    Duration retention();

    /** How often sent rows older than {@link #retention()} are deleted. */
    @WithDefault("1h")
    Duration cleanupInterval();

    Relay relay();

    interface Relay {

        /**
         * Whether this instance relays by itself (LISTEN wake-up, sweep, cleanup). When false,
         * {@code OutboxRelay.relayOnce()} still works on demand.
         */
        @WithDefault("true")
        boolean enabled();

        /** Rows published and marked per database transaction. */
        @WithDefault("500")
        int batchSize();

        /** Safety-net sweep for a missed notification (LISTEN down, a replica that lost the lock). */
        @WithDefault("2s")
        Duration sweepInterval();

        /**
         * The Kafka transactional id of the relay, the same on every replica of a service (so that a
         * new relay fences a half-dead one); it also names the marker group {@code esop-outbox.<id>}.
         */
        @WithDefault("${quarkus.application.name:esop}-outbox")
        String transactionalId();
    }
}

package io.esop.opportunity.opportunity.repository;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.esop.opportunity.config.OpportunityConfig;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;

/**
 * The fast path for repeated signal ids: Redis remembers ids whose processing has COMMITTED, so a
 * redelivered signal is acknowledged without touching the database. Only ever a shortcut: written after
 * commit, every failure or miss falls through to the database, whose primary key is the truth.
 */
@ApplicationScoped
public class SeenSignals {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private final ReactiveValueCommands<String, String> values;
    private final String prefix;
    private final Duration ttl;

    public SeenSignals(ReactiveRedisDataSource redis, OpportunityConfig config) {
        this.values = redis.value(String.class);
        this.prefix = config.redisPrefix() + "signal:";
        this.ttl = config.seenSignalTtl();
    }

    public Uni<Boolean> seen(String signalId) {
        return values.get(prefix + signalId)
                .ifNoItem().after(TIMEOUT).fail()
                .map(v -> v != null)
                .onFailure().recoverWithItem(e -> {
                    Log.debugf("Redis unavailable for the seen-signal check (%s); using the database", e.toString());
                    return false;
                });
    }

    public Uni<Void> remember(String signalId) {
        return values.set(prefix + signalId, "1", new SetArgs().ex(ttl))
                .ifNoItem().after(TIMEOUT).fail()
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}

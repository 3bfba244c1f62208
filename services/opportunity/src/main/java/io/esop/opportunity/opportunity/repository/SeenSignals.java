package io.esop.opportunity.opportunity.repository;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.esop.opportunity.config.OpportunityConfig;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;

/**
 * The fast path for repeated signal ids: Redis remembers ids whose processing has COMMITTED, so a
 * redelivered signal is acknowledged without touching the database. Only ever a shortcut: written after
 * commit, every failure or miss falls through to the database, whose primary key is the truth.
 */
@ApplicationScoped
public class SeenSignals {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private final ReactiveValueCommands<String, String> values;
    private final Redis redis;
    private final String prefix;
    private final Duration ttl;

    public SeenSignals(ReactiveRedisDataSource dataSource, Redis redis, OpportunityConfig config) {
        this.values = dataSource.value(String.class);
        this.redis = redis;
        this.prefix = config.redisPrefix() + "signal:";
        this.ttl = config.seenSignalTtl();
    }

    /**
     * The ids among {@code signalIds} whose processing committed earlier (one MGET); null when Redis did not answer
     * (then nothing is vouched for: the database is asked).
     */
    public Uni<Set<String>> seen(Collection<String> signalIds) {
        if (signalIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        String[] keys = signalIds.stream().map(id -> prefix + id).toArray(String[]::new);
        return values.mget(keys)
                .ifNoItem().after(TIMEOUT).fail()
                .map(found -> {
                    Set<String> seen = new HashSet<>();
                    found.forEach((key, value) -> {
                        if (value != null) {
                            seen.add(key.substring(prefix.length()));
                        }
                    });
                    return seen;
                })
                .onFailure().recoverWithItem(e -> {
                    Log.debugf("Redis unavailable for the seen-signal check (%s); using the database", e.toString());
                    return null;
                });
    }

    /** Remembers ids whose processing has committed (one pipelined batch of SETs with their expiry). */
    public Uni<Void> remember(Collection<String> signalIds) {
        if (signalIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String seconds = Long.toString(ttl.toSeconds());
        List<Request> sets = signalIds.stream()
                .map(id -> Request.cmd(Command.SET).arg(prefix + id).arg("1").arg("EX").arg(seconds))
                .toList();
        return redis.batch(sets)
                .ifNoItem().after(TIMEOUT.multipliedBy(10)).fail()
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}

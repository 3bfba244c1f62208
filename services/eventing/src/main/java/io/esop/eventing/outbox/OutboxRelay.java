package io.esop.eventing.outbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.esop.eventing.config.OutboxConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Publishes the outbox to Kafka: unsent rows in {@code seq} order, with an idempotent producer
 * ({@code acks=all}), then marks them sent. Each batch is one database transaction holding
 * {@code pg_try_advisory_xact_lock}, so with several replicas exactly one relays at a time (the
 * others return at once) and one aggregate's events keep their order. A batch is marked only after
 * Kafka acknowledged all of it; if anything fails nothing is marked and the next run publishes the
 * batch again (consumers de-duplicate by {@code ce_id} with the inbox).
 * <p>
 * Woken by {@code LISTEN esop_outbox} (the outbox trigger notifies on commit), with a periodic sweep
 * as a safety net. Within one instance runs never overlap: a wake-up during a run makes it run again.
 */
@ApplicationScoped
public class OutboxRelay {

    /** The LISTEN/NOTIFY channel the outbox trigger notifies on commit. */
    public static final String CHANNEL = "esop_outbox";

    /** Advisory lock key ("ESOPOBOX" in ASCII) held by the replica that relays. */
    static final long LOCK_KEY = 0x45534F504F424F58L;

    private static final String TRY_LOCK = "select pg_try_advisory_xact_lock(" + LOCK_KEY + ")";
    private static final String SELECT_BATCH = "select " + PendingEvent.COLUMNS
            + " from esop_outbox where sent_at is null order by seq limit $1";
    private static final String MARK_SENT = "update esop_outbox set sent_at = now() where seq = any($1)";
    private static final String COUNT_PENDING = "select count(*) from esop_outbox where sent_at is null";
    private static final String DELETE_SENT = "delete from esop_outbox where sent_at < $1";
    private static final int LOCK_NOT_ACQUIRED = -1;

    private final Pool pool;
    private final OutboxConfig config;
    private final Vertx vertx;
    private final MeterRegistry registry;
    private final Map<String, Object> kafkaConfig;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean runAgain = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private volatile boolean started;
    private volatile boolean stopped;
    private volatile PgSubscriber subscriber;

    // guarded by this
    private Producer<String, byte[]> producer;
    private boolean producerBroken;

    @Inject
    public OutboxRelay(Pool pool, OutboxConfig config, Vertx vertx, MeterRegistry registry,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.pool = pool;
        this.config = config;
        this.vertx = vertx;
        this.registry = registry;
        this.kafkaConfig = kafkaConfig;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            Log.info("Outbox relay disabled (esop.outbox.relay.enabled=false): events are published only by relayOnce()");
            return;
        }
        Gauge.builder("esop.outbox.pending", pending, AtomicLong::get)
                .description("Outbox rows not yet published (refreshed by the sweep)")
                .register(registry);
        started = true;
        listen();
        trigger();
    }

    /**
     * Publishes everything pending, batch by batch, unless another relay (replica or concurrent call)
     * holds the lock, in which case it returns at once.
     *
     * @return the number of events this call published
     */
    public Uni<Integer> relayOnce() {
        return drain(0);
    }

    /** Requests a run; if one is in progress it runs again when done. */
    public void trigger() {
        if (stopped) {
            return;
        }
        runAgain.set(true);
        if (running.compareAndSet(false, true)) {
            run();
        }
    }

    /** Deletes rows sent before the retention period ({@code esop.outbox.retention}). */
    public Uni<Integer> deleteSentRows() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention());
        return pool.preparedQuery(DELETE_SENT).execute(Tuple.of(before)).map(rows -> rows.rowCount());
    }

    @Scheduled(every = "${esop.outbox.relay.sweep-interval:2s}", identity = "esop-outbox-sweep",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        if (!started || stopped) {
            return Uni.createFrom().voidItem();
        }
        trigger();
        return pool.query(COUNT_PENDING).execute()
                .invoke(rows -> pending.set(rows.iterator().next().getLong(0)))
                .onFailure().invoke(e -> Log.debugf(e, "Could not count pending outbox rows"))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    @Scheduled(every = "${esop.outbox.cleanup-interval:1h}", delayed = "1m", identity = "esop-outbox-cleanup",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> cleanup() {
        if (!started || stopped) {
            return Uni.createFrom().voidItem();
        }
        return deleteSentRows()
                .invoke(deleted -> Log.debugf("Deleted %d sent outbox rows older than %s", deleted, config.retention()))
                .onFailure().invoke(e -> Log.warnf(e, "Outbox cleanup failed"))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    @PreDestroy
    public void close() {
        stopped = true;
        PgSubscriber s = subscriber;
        if (s != null) {
            s.closeAndForget();
        }
        synchronized (this) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
                producer = null;
            }
        }
    }

    private void run() {
        runAgain.set(false);
        relayOnce().subscribe().with(
                count -> {
                    if (count > 0) {
                        Log.debugf("Outbox relay published %d events", count);
                    }
                    finished(true);
                },
                failure -> {
                    Log.warnf(failure, "Outbox relay failed; nothing of the failed batch is marked sent, the next run retries");
                    finished(false);
                });
    }

    private void finished(boolean succeeded) {
        running.set(false);
        // After a failure the sweep retries, so a broken broker is not hammered by every notification.
        if (succeeded && runAgain.get() && !stopped && running.compareAndSet(false, true)) {
            run();
        }
    }

    private Uni<Integer> drain(int published) {
        return relayBatch().chain(count -> {
            if (count == LOCK_NOT_ACQUIRED) {
                return Uni.createFrom().item(published);
            }
            if (count < config.relay().batchSize() || stopped) {
                return Uni.createFrom().item(published + count);
            }
            return drain(published + count);
        });
    }

    private Uni<Integer> relayBatch() {
        return pool.withTransaction(connection -> connection.query(TRY_LOCK).execute()
                .chain(lock -> lock.iterator().next().getBoolean(0)
                        ? publishBatch(connection)
                        : Uni.createFrom().item(LOCK_NOT_ACQUIRED)))
                .onFailure().invoke(() -> Counter.builder("esop.outbox.relay.failures")
                        .description("Outbox batches that failed and will be published again")
                        .register(registry)
                        .increment());
    }

    private Uni<Integer> publishBatch(SqlConnection connection) {
        Executor connectionContext = connectionContext();
        return connection.preparedQuery(SELECT_BATCH).execute(Tuple.of(config.relay().batchSize()))
                .chain(rows -> {
                    List<PendingEvent> batch = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        batch.add(PendingEvent.from(row));
                    }
                    if (batch.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    Long[] seqs = batch.stream().map(PendingEvent::seq).toArray(Long[]::new);
                    return publish(batch)
                            .emitOn(connectionContext)
                            .chain(() -> connection.preparedQuery(MARK_SENT).execute(Tuple.of(seqs)))
                            .invoke(() -> countPublished(batch))
                            .replaceWith(batch.size());
                });
    }

    /** Sends the batch in order and completes when Kafka acknowledged every record. */
    private Uni<Void> publish(List<PendingEvent> batch) {
        // KafkaProducer.send may block (metadata, full buffer): never on the event loop.
        return Uni.createFrom().item(() -> sendAll(batch))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(acks -> Uni.createFrom().completionStage(acks))
                .onFailure().invoke(this::producerFailed);
    }

    private CompletableFuture<Void> sendAll(List<PendingEvent> batch) {
        Producer<String, byte[]> kafka = producer();
        String source = config.source();
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (PendingEvent event : batch) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            acks.add(ack);
            try {
                kafka.send(event.toRecord(source), (metadata, error) -> {
                    if (error == null) {
                        ack.complete(null);
                    } else {
                        ack.completeExceptionally(error);
                    }
                });
            } catch (RuntimeException e) {
                ack.completeExceptionally(e);
                break; // nothing after a record that could not be sent, to keep the order
            }
        }
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
    }

    private void countPublished(List<PendingEvent> batch) {
        Map<String, Integer> perTopic = new HashMap<>();
        batch.forEach(event -> perTopic.merge(event.topic(), 1, Integer::sum));
        perTopic.forEach((topic, count) -> Counter.builder("esop.outbox.published")
                .description("Outbox events published to Kafka and acknowledged")
                .tag("topic", topic)
                .register(registry)
                .increment(count));
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer != null && producerBroken) {
            producer.close(Duration.ZERO);
            producer = null;
        }
        if (producer == null) {
            Map<String, Object> properties = new HashMap<>(kafkaConfig);
            properties.remove("group.id");
            properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            if (!properties.containsKey(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
                throw new IllegalStateException("kafka.bootstrap.servers is not set: the outbox relay cannot publish");
            }
            producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
            producerBroken = false;
        }
        return producer;
    }

    /** A fresh producer for the next run: the failed one may be in an unrecoverable state. */
    private synchronized void producerFailed(Throwable failure) {
        producerBroken = true;
    }

    private static Executor connectionContext() {
        Context context = io.vertx.core.Vertx.currentContext();
        return context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run());
    }

    private void listen() {
        Optional<PgConnectOptions> options = listenOptions(ConfigProvider.getConfig());
        if (options.isEmpty()) {
            Log.warn("quarkus.datasource.reactive.url is not set: the outbox relay cannot LISTEN and relies on its sweep");
            return;
        }
        PgSubscriber pgSubscriber = PgSubscriber.subscriber(vertx, options.get())
                .reconnectPolicy(retries -> 1_000L);
        pgSubscriber.channel(CHANNEL)
                .subscribeHandler(this::trigger) // (re)connected: catch up on what was committed meanwhile
                .handler(payload -> trigger());
        subscriber = pgSubscriber;
        connect(pgSubscriber);
    }

    private void connect(PgSubscriber pgSubscriber) {
        pgSubscriber.connect().subscribe().with(
                ok -> Log.debugf("Outbox relay listening on channel %s", CHANNEL),
                failure -> {
                    Log.warnf("Outbox relay cannot LISTEN %s (%s); retrying, the sweep publishes meanwhile",
                            CHANNEL, failure.getMessage());
                    if (!stopped) {
                        vertx.setTimer(5_000, id -> {
                            if (!stopped) {
                                connect(pgSubscriber);
                            }
                        });
                    }
                });
    }

    /** Connection options of the default reactive datasource, for the LISTEN connection. */
    static Optional<PgConnectOptions> listenOptions(Config config) {
        Optional<String> url = config.getOptionalValues("quarkus.datasource.reactive.url", String.class)
                .filter(urls -> !urls.isEmpty())
                .map(urls -> urls.get(0).trim())
                .map(u -> u.startsWith("vertx-reactive:") ? u.substring("vertx-reactive:".length()) : u);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url.get());
        config.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(options::setUser);
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(options::setPassword);
        return Optional.of(options);
    }
}

package io.esop.eventing.outbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
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
 * Publishes the outbox to Kafka exactly once: unsent rows in {@code seq} order, each batch as one
 * Kafka transaction, then marks them sent in the database. Each batch is one database transaction
 * holding {@code pg_try_advisory_xact_lock}, so with several replicas exactly one relays at a time
 * (the others return at once) and one aggregate's events keep their order.
 * <p>
 * The Kafka transaction also commits a {@link BatchMarker} (batch number and seqs) as the offset of
 * the consumer group {@code esop-outbox.<transactional id>}. A relay that dies after Kafka committed
 * and before the database marked the rows leaves the marker behind; the next relay (this replica
 * restarted, or another one) reads it and marks those rows sent instead of publishing them again.
 * All replicas share one transactional id, so a new relay fences a half-dead one: its open
 * transaction is aborted and read_committed consumers never see it. Consumers still record event
 * ids (inbox) because producers outside the outbox resend.
 * <p>
 * Woken by {@code LISTEN esop_outbox} (the outbox trigger notifies on commit), with a periodic sweep
 * as a safety net. The replica that relayed last keeps relaying on notifications; the others step in
 * from their sweep only when rows wait longer than a sweep interval, so the producer is not fenced
 * back and forth. Within one instance runs never overlap: a wake-up during a run makes it run again.
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
    private static final String COUNT_PENDING = "select count(*), coalesce(extract(epoch from now() - min(created_at)), 0)"
            + " from esop_outbox where sent_at is null";
    private static final String NEXT_BATCH = "select nextval('esop_outbox_batch'), database_id from esop_outbox_identity";
    private static final String DATABASE_ID = "select database_id from esop_outbox_identity";
    private static final String MARK_RECONCILED = "update esop_outbox set sent_at = now() where sent_at is null and seq = any($1)";
    private static final String DELETE_SENT = "delete from esop_outbox where sent_at < $1";
    private static final int LOCK_NOT_ACQUIRED = -1;

    private final Pool pool;
    private final OutboxConfig config;
    private final Vertx vertx;
    private final MeterRegistry registry;
    private final Map<String, Object> kafkaConfig;

    private final AtomicBoolean running = new AtomicBoolean();
    /** Set when a producer is new or a batch failed: Kafka may hold a batch the database has not marked. */
    private final AtomicBoolean reconcile = new AtomicBoolean(true);
    /** This replica relayed last (or nobody did yet): it answers notifications. */
    private volatile boolean leading = true;
    private final AtomicBoolean runAgain = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private volatile boolean started;
    private volatile boolean stopped;
    private volatile PgSubscriber subscriber;

    // guarded by this
    private Producer<String, byte[]> producer;
    private boolean producerBroken;
    private Admin admin;

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
        return pool.query(COUNT_PENDING).execute()
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    pending.set(row.getLong(0));
                    double oldestSeconds = row.getDouble(1);
                    if (leading || oldestSeconds * 1000 >= config.relay().sweepInterval().toMillis()) {
                        trigger();
                    }
                })
                .onFailure().invoke(e -> {
                    Log.debugf(e, "Could not count pending outbox rows");
                    trigger();
                })
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
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
                admin = null;
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
                leading = false;
                return Uni.createFrom().item(published);
            }
            if (count > 0) {
                leading = true;
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
                .onFailure().invoke(() -> reconcile.set(true))
                .onFailure().invoke(() -> Counter.builder("esop.outbox.relay.failures")
                        .description("Outbox batches that failed and will be published again")
                        .register(registry)
                        .increment());
    }

    private Uni<Integer> publishBatch(SqlConnection connection) {
        return publishBatch(connection, connectionContext(), true);
    }

    /**
     * Under the lock: settles what a crashed relay left (if needed), then publishes the next batch in
     * one Kafka transaction and marks it sent. A producer fenced by another replica's relay is
     * replaced once, within the same lock.
     */
    private Uni<Integer> publishBatch(SqlConnection connection, Executor connectionContext, boolean retryIfFenced) {
        return onWorker(this::producer).emitOn(connectionContext)
                .chain(ignored -> reconcile.getAndSet(false)
                        ? settleCommittedBatch(connection, connectionContext)
                        : Uni.createFrom().voidItem())
                .chain(() -> connection.preparedQuery(SELECT_BATCH).execute(Tuple.of(config.relay().batchSize())))
                .chain(rows -> {
                    List<PendingEvent> selected = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        selected.add(PendingEvent.from(row));
                    }
                    if (selected.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return connection.query(NEXT_BATCH).execute().chain(numbered -> {
                        Row row = numbered.iterator().next();
                        String databaseId = row.getUUID(1).toString();
                        List<PendingEvent> batch = BatchMarker.fitting(selected, PendingEvent::seq, databaseId);
                        BatchMarker marker = new BatchMarker(row.getLong(0), databaseId,
                                new java.util.TreeSet<>(batch.stream().map(PendingEvent::seq).toList()));
                        Long[] seqs = marker.seqs().toArray(Long[]::new);
                        return publish(batch, marker)
                                .emitOn(connectionContext)
                                .chain(() -> connection.preparedQuery(MARK_SENT).execute(Tuple.of(seqs)))
                                .invoke(() -> countPublished(batch))
                                .replaceWith(batch.size());
                    });
                })
                .onFailure(OutboxRelay::fenced).recoverWithUni(failure -> {
                    if (!retryIfFenced) {
                        return Uni.createFrom().failure(failure);
                    }
                    Log.debug("Outbox producer fenced by another replica's relay: taking over");
                    producerFailed(failure);
                    reconcile.set(true);
                    return publishBatch(connection, connectionContext, false);
                });
    }

    /**
     * Marks sent the rows of the last batch Kafka committed, when the database does not know yet
     * (the relay died between the two commits). Rows of any other batch are left to be published.
     */
    private Uni<Void> settleCommittedBatch(SqlConnection connection, Executor connectionContext) {
        return connection.query(DATABASE_ID).execute()
                .map(rows -> rows.iterator().next().getUUID(0).toString())
                .chain(databaseId -> onWorker(() -> lastCommittedMarker(databaseId)).emitOn(connectionContext))
                .chain(marker -> {
                    if (marker.isEmpty() || marker.get().seqs().isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    Long[] seqs = marker.get().seqs().toArray(Long[]::new);
                    return connection.preparedQuery(MARK_RECONCILED).execute(Tuple.of(seqs))
                            .invoke(rows -> {
                                if (rows.rowCount() > 0) {
                                    Log.infof("Outbox: %d events of batch %d were published before the relay stopped;"
                                            + " marked sent without publishing them again", rows.rowCount(), marker.get().batch());
                                }
                            })
                            .replaceWithVoid();
                })
                .onFailure().invoke(() -> reconcile.set(true));
    }

    private Optional<BatchMarker> lastCommittedMarker(String databaseId) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin().listConsumerGroupOffsets(markerGroup())
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            return offsets.values().stream()
                    .filter(java.util.Objects::nonNull)
                    .map(offset -> BatchMarker.parse(offset.offset(), offset.metadata()))
                    .flatMap(Optional::stream)
                    .filter(marker -> marker.databaseId().equals(databaseId))
                    .max(java.util.Comparator.comparingLong(BatchMarker::batch));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the outbox marker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the outbox marker of group " + markerGroup(), e);
        }
    }

    /** Sends the batch and its marker in one Kafka transaction; completes when it is committed. */
    private Uni<Void> publish(List<PendingEvent> batch, BatchMarker marker) {
        // KafkaProducer calls block (metadata, full buffer, commit): never on the event loop.
        return onWorker(() -> {
            sendInTransaction(batch, marker);
            return null;
        }).onFailure().invoke(this::producerFailed).replaceWithVoid();
    }

    private void sendInTransaction(List<PendingEvent> batch, BatchMarker marker) {
        Producer<String, byte[]> kafka = producer();
        String source = config.source();
        kafka.beginTransaction();
        try {
            Map<TopicPartition, OffsetAndMetadata> markers = new HashMap<>();
            OffsetAndMetadata offset = new OffsetAndMetadata(marker.batch(), marker.metadata());
            for (PendingEvent event : batch) {
                kafka.send(event.toRecord(source));
                markers.putIfAbsent(new TopicPartition(event.topic(), 0), offset);
            }
            kafka.sendOffsetsToTransaction(markers, new ConsumerGroupMetadata(markerGroup()));
            kafka.commitTransaction();
        } catch (RuntimeException e) {
            if (!fenced(e)) {
                try {
                    kafka.abortTransaction();
                } catch (RuntimeException abortFailed) {
                    e.addSuppressed(abortFailed);
                }
            }
            throw e;
        }
    }

    private static boolean fenced(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException) {
                return true;
            }
        }
        return false;
    }

    private String markerGroup() {
        return "esop-outbox." + config.relay().transactionalId();
    }

    private static <T> Uni<T> onWorker(java.util.function.Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private void countPublished(List<PendingEvent> batch) {
        Map<String, Integer> perTopic = new HashMap<>();
        batch.forEach(event -> perTopic.merge(event.topic(), 1, Integer::sum));
        perTopic.forEach((topic, count) -> Counter.builder("esop.outbox.published")
                .description("Outbox events published to Kafka and committed")
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
            properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.relay().transactionalId());
            properties.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
            properties.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            if (!properties.containsKey(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
                throw new IllegalStateException("kafka.bootstrap.servers is not set: the outbox relay cannot publish");
            }
            Producer<String, byte[]> created = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
            try {
                created.initTransactions(); // fences any other relay with this transactional id, aborting its open batch
            } catch (RuntimeException e) {
                created.close(Duration.ZERO);
                throw e;
            }
            producer = created;
            producerBroken = false;
            reconcile.set(true);
        }
        return producer;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> properties = new HashMap<>();
            kafkaConfig.forEach((key, value) -> {
                if (AdminClientConfig.configNames().contains(key)) {
                    properties.put(key, value);
                }
            });
            admin = Admin.create(properties);
        }
        return admin;
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
                .handler(payload -> {
                    if (leading) {
                        trigger();
                    }
                });
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

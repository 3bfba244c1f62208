package io.esop.load.signals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.ConsumerPerformance;

import io.esop.contracts.signal.Signal;
import io.esop.load.BenchResults;
import io.esop.load.BenchRow;
import io.esop.testing.PackagedService;

/**
 * The end-to-end rate of the opportunity service's signal pipeline — signals consumed from Kafka, persisted,
 * merged or created, scored, placed, and their events published through the outbox — next to two baselines
 * measured in the same run on the same machine and data: the raw Kafka consumer rate on the same topic
 * ({@link ConsumerPerformance}, what {@code kafka-consumer-perf-test} runs) and the rate of batched JDBC inserts
 * of the same rows (every row the pipeline wrote) into the same PostgreSQL. Target: pipeline ≥ 50 % of the raw
 * insert rate. The service is warmed up with a stream of the same size first (see {@link #pipeline}).
 * <p>
 * The N signals go to a topic of their own, shaped like {@code esop.signals.v1} (12 partitions), so that the
 * opportunity service of {@code ./esop up} does not take them; the packaged service is started here on that
 * backlog with its own database (recreated), consumer groups, Redis prefix, outbox transactional id and port
 * 18082. See {@code load-tests/README.md} for the properties ({@code signals}, {@code signals.*}).
 */
public final class SignalPipelineBenchmark {

    private static final String BENCHMARK = "signal-pipeline";

    private SignalPipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        int total = Integer.getInteger("signals", 200_000);
        String bootstrap = System.getProperty("esop.kafka.bootstrap", "localhost:9092");
        String database = System.getProperty("signals.db", "opportunity_bench");
        Path jar = jar();
        String run = "bench" + UUID.randomUUID().toString().substring(0, 6);
        String topic = "esop.bench.signals." + run;

        SignalStream stream = new SignalStream(run, total, Long.getLong("signals.seed", 7));
        int warmupSize = Integer.getInteger("signals.warmup", total);
        SignalStream warmup = warmupSize <= 0 ? null
                : new SignalStream(run + "w", warmupSize, Long.getLong("signals.seed", 7) + 1);
        System.out.printf("%d records: %d distinct valid signals (%d prospects), %d resends, %d invalid%n", total,
                stream.unique.size(), stream.prospects.size(), stream.duplicates, stream.invalid);
        recreateDatabase(database);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 12, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try {
                Pipeline pipeline = pipeline(jar, database, bootstrap, topic, run, warmup, stream, total);
                double consumerRate = rawConsumerRate(bootstrap, topic, total, run);
                settle(database);
                double insertRate = rawInsertRate(database, stream);
                List<Published.Row> published = Published.rows(bootstrap, pipeline.publishedFrom, database,
                        stream.prefix);
                SameRows same = rawInsertOfTheSameRows(database, total, published);

                double toSame = pipeline.rate / same.rate;
                double toInsert = pipeline.rate / insertRate;
                double toConsumer = pipeline.rate / consumerRate;
                System.out.println();
                System.out.printf("=== signal pipeline benchmark, %,d signals (%,d distinct valid) ===%n", total,
                        stream.unique.size());
                System.out.printf("raw Kafka consumer (ConsumerPerformance) : %,10.0f records/s%n", consumerRate);
                System.out.printf("raw batched JDBC INSERT, the same rows   : %,10.0f signals/s  (%,d rows in %.1f s: %s)%n",
                        same.rate, same.rows, same.seconds, same.tables);
                System.out.printf("raw batched JDBC INSERT, one per signal  : %,10.0f rows/s%n", insertRate);
                System.out.printf("pipeline, end to end                    : %,10.0f signals/s  (%.1f s, %,d events)%n",
                        pipeline.rate, pipeline.seconds, pipeline.events);
                System.out.printf("pipeline / raw consumer                 : %6.1f %%%n", 100 * toConsumer);
                System.out.printf("pipeline / raw insert of the same rows  : %6.1f %%  (target >= 50 %%)%n", 100 * toSame);
                System.out.printf("pipeline / raw insert, one row a signal : %6.1f %%%n", 100 * toInsert);
                BenchResults.write(BENCHMARK, List.of(
                        new BenchRow(BENCHMARK, "signals fully processed (persisted, placed, published) per second",
                                pipeline.rate, "1/s", "raw batched JDBC INSERT of the same rows (" + same.tables
                                        + "), signals/s", same.rate, ">= 50 % of baseline", toSame >= 0.5),
                        new BenchRow(BENCHMARK, "signals fully processed per second, against one row per signal",
                                pipeline.rate, "1/s", "raw batched JDBC INSERT of one row per distinct signal, rows/s",
                                insertRate, "", null),
                        new BenchRow(BENCHMARK, "signals fully processed per second, against the raw consumer",
                                pipeline.rate, "1/s", "raw Kafka consumer (ConsumerPerformance) on the same topic, records/s",
                                consumerRate, "", null),
                        BenchRow.info(BENCHMARK, "signals produced (30 % resends, 1 % invalid)", total, "signals"),
                        BenchRow.info(BENCHMARK, "opportunity events published", pipeline.events, "events"),
                        BenchRow.info(BENCHMARK, "opportunities created", pipeline.opportunities, "opportunities")));
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                String[] redis = System.getProperty("esop.redis", "localhost:6379").split(":");
                long keys = RedisKeys.deleteByPrefix(redis[0], Integer.parseInt(redis[1]),
                        OpportunityProcess.isolation(run).properties().get("esop.opportunity.redis-prefix"));
                System.out.printf("removed the run's %,d seen-signal keys from Redis%n", keys);
            }
        }
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("signals.jar", "services/opportunity/target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar) && Files.isRegularFile(Path.of("..").resolve(jar))) {
            jar = Path.of("..").resolve(jar); // run from load-tests/
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build it with "
                    + "./mvnw -o -q package -DskipTests -pl services/opportunity (or set -Dsignals.jar)");
        }
        return jar;
    }

    private static void produce(String bootstrap, String topic, SignalStream stream) {
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new ByteArraySerializer())) {
            stream.records.forEach(r -> producer.send(new ProducerRecord<>(topic, r.key(), r.value())));
            producer.flush();
        }
        System.out.printf("produced %,d records to %s in %.1f s%n", stream.records.size(), topic,
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * {@link ConsumerPerformance} on the topic from the beginning (the first {@code total} records: the warm-up's,
     * of the same shape, when there was one); its fetch rate (after joining the group).
     */
    static double rawConsumerRate(String bootstrap, String topic, int total, String run) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        Exit.setExitProcedure((code, message) -> {
            throw new IllegalStateException("ConsumerPerformance exited with " + code + ": " + message);
        });
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ConsumerPerformance.main(new String[] { "--bootstrap-server", bootstrap, "--topic", topic,
                    "--messages", Integer.toString(total), "--group", "esop-" + run + "-perf", "--timeout", "60000" });
        } finally {
            System.setOut(out);
            Exit.resetExitProcedure();
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        String[] lines = text.lines().filter(l -> !l.isBlank()).toArray(String[]::new);
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].startsWith("start.time")) {
                List<String> header = Arrays.stream(lines[i].split(",")).map(String::trim).toList();
                String[] values = lines[i + 1].split(",");
                return Double.parseDouble(values[header.indexOf("fetch.nMsg.sec")].trim());
            }
        }
        throw new IllegalStateException("no figures from ConsumerPerformance:\n" + text);
    }

    private record Pipeline(double rate, double seconds, long events, long opportunities,
            Map<TopicPartition, Long> publishedFrom) {
    }

    /**
     * The service is started and, first, given the warm-up stream (its own signal ids and prospects) until it has
     * processed all of it, so that what is measured is a service that has been running (its code compiled by
     * the JIT), as in production; the warm-up's rows are then removed, so the measured run starts from empty
     * tables like a fresh one. The measured backlog is produced next; its rate runs from the first signal
     * processed until every distinct valid signal is linked to its opportunity, every invalid one is a dead
     * letter and the outbox holds nothing unsent (all events published).
     */
    static Pipeline pipeline(Path jar, String database, String bootstrap, String topic, String run,
            SignalStream warmup, SignalStream stream, int total) throws Exception {
        Map<String, String> extra = new HashMap<>();
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("signals.set."))
                .forEach(n -> extra.put(n.substring("signals.set.".length()), System.getProperty(n)));
        try (PackagedService service = OpportunityProcess.start(jar, database, topic, run, extra);
                Connection db = connect(database)) {
            if (warmup != null) {
                produce(bootstrap, topic, warmup);
                long start = System.nanoTime();
                awaitProcessed(service, db, warmup, "warm-up", start, TimeUnit.MINUTES.toNanos(15));
                System.out.printf("warm-up: %,d records processed in %.1f s (%,.0f records/s, the service's first"
                        + " minute: what a fresh instance does)%n", warmup.records.size(),
                        (System.nanoTime() - start) / 1e9, warmup.records.size() / ((System.nanoTime() - start) / 1e9));
                try (Statement s = db.createStatement()) {
                    s.execute("truncate opportunity, signal, opportunity_timeline, esop_outbox, esop_inbox cascade");
                }
            }
            settle(database);
            Map<TopicPartition, Long> publishedFrom = Published.endOffsets(bootstrap);
            produce(bootstrap, topic, stream);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            long first = 0;
            while (first == 0) {
                if (!service.alive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the service did not start processing; see " + service.log());
                }
                Thread.sleep(50);
                first = processed(db);
            }
            long start = System.nanoTime();
            awaitProcessed(service, db, stream, "measured", start,
                    TimeUnit.MINUTES.toNanos(Math.max(10, total / 1_000)));
            double seconds = (System.nanoTime() - start) / 1e9;
            // every record counts (resends and dead letters included), as for the raw consumer; the part
            // processed before the clock started is left out
            double rate = total * (1.0 - (double) first / stream.unique.size()) / seconds;
            // every event has its timeline line, written with it
            long events = count(db, "select count(*) from opportunity_timeline");
            long opportunities = count(db, "select count(*) from opportunity");
            return new Pipeline(rate, seconds, events, opportunities, publishedFrom);
        }
    }

    /**
     * Until every distinct valid signal of the stream is linked to its opportunity, every invalid one is a dead
     * letter (recorded with an inbox mark in the transaction that writes it) and the outbox holds nothing unsent.
     */
    private static void awaitProcessed(PackagedService service, Connection db, SignalStream stream, String what,
            long start, long timeoutNanos) throws Exception {
        long timeout = System.nanoTime() + timeoutNanos;
        long last = -1;
        while (true) {
            long done = processed(db);
            if (done == stream.unique.size() && count(db, "select count(*) from esop_inbox") == stream.invalid
                    && count(db, "select count(*) from esop_outbox where sent_at is null") == 0) {
                return;
            }
            if (!service.alive() || System.nanoTime() > timeout) {
                throw new IllegalStateException("the " + what + " pipeline stopped at " + done + " of "
                        + stream.unique.size() + "; see " + service.log());
            }
            if (done / 20_000 != last / 20_000) {
                System.out.printf("  %s: %,d of %,d distinct signals processed after %.1f s%n", what, done,
                        stream.unique.size(), (System.nanoTime() - start) / 1e9);
            }
            last = done;
            // the count scans the signals: once a second while far from the end (it shares the machine), then
            // every 100 ms, so the end is seen within 0.1 s
            Thread.sleep(done >= 0.9 * stream.unique.size() ? 100 : 1_000);
        }
    }

    /** The rows the pipeline persists (one per distinct valid signal) as batched JDBC inserts, 1,000 per commit. */
    static double rawInsertRate(String database, SignalStream stream) throws Exception {
        try (Connection c = connect(database)) {
            try (Statement s = c.createStatement()) {
                s.execute("drop table if exists bench_signal");
                s.execute("create table bench_signal (like signal including all)");
            }
            c.setAutoCommit(false);
            long start = System.nanoTime();
            int rows = 0;
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into bench_signal (signal_id, opportunity_id, outcome, source, strength, estimated_monthly_value,
                                              observed_at, detail, captured_by, received_at)
                    values (?, null, 'CREATED', ?, ?, ?, ?, ?, ?, now()) on conflict do nothing""")) {
                for (Signal s : stream.unique) {
                    ps.setString(1, s.signalId());
                    ps.setString(2, s.source().name());
                    ps.setDouble(3, s.strength());
                    ps.setBigDecimal(4, s.estimatedMonthlyValue());
                    ps.setTimestamp(5, Timestamp.from(s.observedAt()));
                    ps.setString(6, s.detail());
                    ps.setString(7, s.capturedBy());
                    ps.addBatch();
                    if (++rows % 1_000 == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            double rate = rows / ((System.nanoTime() - start) / 1e9);
            try (Statement s = c.createStatement()) {
                s.execute("drop table bench_signal");
            }
            c.commit();
            return rate;
        }
    }

    private record SameRows(double rate, long rows, double seconds, String tables) {
    }

    /** The tables the pipeline writes for signals, in the order it writes them. */
    private static final List<String> PIPELINE_TABLES = List.of("opportunity", "signal", "opportunity_timeline",
            "esop_outbox", "esop_inbox");

    /**
     * Every row the pipeline wrote (opportunities, signals, timeline entries, inbox marks of dead letters read back
     * from its database; its outbox rows rebuilt from the records it published), inserted again as batched JDBC inserts (1,000 per commit) into empty copies of the same tables with
     * the same indexes: what persisting this run's results costs PostgreSQL without any of the pipeline's work.
     * Its rate counts the run's records like the pipeline's, so the two divide.
     */
    static SameRows rawInsertOfTheSameRows(String database, int total, List<Published.Row> published)
            throws Exception {
        long rows = 0;
        long nanos = 0;
        List<String> counted = new ArrayList<>();
        try (Connection c = connect(database)) {
            for (String table : PIPELINE_TABLES) {
                List<Object[]> data = new ArrayList<>();
                int columns;
                String names;
                String values;
                if (table.equals("esop_outbox")) {
                    // the relay may have deleted what it published: the rows are rebuilt from the published records
                    names = Published.COLUMNS;
                    values = Published.VALUES;
                    columns = Published.COLUMN_COUNT;
                    published.forEach(row -> data.add(row.values()));
                } else try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from " + table)) {
                    java.sql.ResultSetMetaData meta = rs.getMetaData();
                    columns = meta.getColumnCount();
                    List<String> list = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        list.add(meta.getColumnName(i));
                    }
                    names = String.join(", ", list);
                    values = String.join(", ", java.util.Collections.nCopies(columns, "?"));
                    while (rs.next()) {
                        Object[] row = new Object[columns];
                        for (int i = 0; i < columns; i++) {
                            row[i] = rs.getObject(i + 1);
                        }
                        data.add(row);
                    }
                }
                String copy = "bench_" + table;
                try (Statement s = c.createStatement()) {
                    s.execute("drop table if exists " + copy);
                    s.execute("create table " + copy + " (like " + table + " including all)");
                }
                c.setAutoCommit(false);
                long start = System.nanoTime();
                try (PreparedStatement ps = c.prepareStatement("insert into " + copy + " (" + names + ") values ("
                        + values + ")")) {
                    int n = 0;
                    for (Object[] row : data) {
                        for (int i = 0; i < columns; i++) {
                            ps.setObject(i + 1, row[i]);
                        }
                        ps.addBatch();
                        if (++n % 1_000 == 0) {
                            ps.executeBatch();
                            c.commit();
                        }
                    }
                    ps.executeBatch();
                    c.commit();
                }
                nanos += System.nanoTime() - start;
                rows += data.size();
                counted.add(String.format("%,d %s", data.size(), table));
                try (Statement s = c.createStatement()) {
                    s.execute("drop table " + copy);
                }
                c.commit();
                c.setAutoCommit(true);
            }
        }
        double seconds = nanos / 1e9;
        return new SameRows(total / seconds, rows, seconds, String.join(", ", counted));
    }

    /**
     * The same start for the pipeline's measured run and for the baselines: autovacuum done with the rows written
     * before (waited for, at most a minute), then a checkpoint, so that neither run meets the other's vacuuming or
     * a checkpoint the other did not (without this, the baseline's rate moved by a quarter from run to run).
     */
    private static void settle(String database) throws Exception {
        awaitNoAutovacuum(database);
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute("checkpoint");
        }
    }

    private static void awaitNoAutovacuum(String database) throws Exception {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        try (Connection c = connect("postgres")) {
            while (System.nanoTime() < until) {
                try (PreparedStatement ps = c.prepareStatement(
                        "select count(*) from pg_stat_activity where datname = ? and backend_type = 'autovacuum worker'")) {
                    ps.setString(1, database);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) == 0) {
                            return;
                        }
                    }
                }
                Thread.sleep(500);
            }
        }
    }

    private static long processed(Connection db) throws Exception {
        try {
            return count(db, "select count(*) from signal where opportunity_id is not null");
        } catch (java.sql.SQLException e) {
            return 0; // the service has not created its tables yet
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void recreateDatabase(String database) throws Exception {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("signals.db: a plain lower-case name, not " + database);
        }
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database);
        }
    }

    static Connection connect(String database) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://" + OpportunityProcess.host() + "/" + database,
                System.getProperty("esop.db.user", "esop"), System.getProperty("esop.db.password", "esop"));
    }
}

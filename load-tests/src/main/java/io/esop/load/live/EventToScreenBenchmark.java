package io.esop.load.live;

import io.esop.contracts.CloudEvents;
import io.esop.contracts.EventTypes;
import io.esop.contracts.ProductLine;
import io.esop.contracts.Topics;
import io.esop.contracts.order.Milestone;
import io.esop.contracts.order.OrderProgressEvent;
import io.esop.contracts.order.ProgressKind;
import io.esop.contracts.signal.Intent;
import io.esop.contracts.signal.Signal;
import io.esop.contracts.signal.SignalSource;
import io.esop.load.BenchResults;
import io.esop.load.BenchRow;
import io.esop.load.Stack;
import io.esop.load.setup.LoadPopulation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Event to screen: order-progress reports produced into {@code esop.order-progress.v1} at a set rate, as the
 * fulfilment systems would, and the time until each one's milestone event reaches the workbench's live stream of
 * the order's account manager, one signed-in screen per order (producer timestamp → SSE receipt, across order service, outbox, Kafka and
 * workbench). Compared with the raw Kafka end-to-end p99 measured in the same run ({@code KafkaBaselines}).
 *
 * <p>Needs the load population (the orders of its enterprise customers). Properties: {@code burst.rate}
 * (reports per second, default 1000), {@code burst.seconds} (default 20), {@code burst.warmup} (seconds excluded
 * from the figures, default 3), {@code burst.drain} (seconds to wait for the last ones, default 60),
 * {@code burst.name} (the rows' benchmark name, default {@code event-to-screen}), {@code burst.signals} (signals a
 * second produced alongside for the load customers, default 0: the opportunity service's share of a burst),
 * {@code burst.topic} (default {@code esop.order-progress.v1}).
 */
public final class EventToScreenBenchmark {

    static final String NAME = "event-to-screen";
    private static final com.fasterxml.jackson.databind.ObjectMapper EVENTS = io.esop.contracts.EsopJson.newObjectMapper();

    public static void main(String[] args) throws Exception {
        run(Double.parseDouble(System.getProperty("burst.rate", "1000")), Stack.intProperty("burst.seconds", 20),
                Stack.intProperty("burst.warmup", 3), Stack.intProperty("burst.drain", 60));
    }

    public static List<BenchRow> run(double rate, int seconds, int warmup, int drain) throws Exception {
        String name = System.getProperty("burst.name", NAME);
        List<LoadPopulation.LoadUser> owners = LoadPopulation.read("customer-manager").stream()
                .filter(u -> !u.orderId().isEmpty()).toList();
        if (owners.isEmpty()) {
            throw new IllegalStateException("no load orders in " + LoadPopulation.usersFile() + ": run the setup first");
        }
        Set<String> orders = ConcurrentHashMap.newKeySet();
        owners.forEach(o -> orders.add(o.orderId()));
        Instant start = Instant.now();
        long measureFrom = micros(start.plusSeconds(warmup));
        List<long[]> latencies = new ArrayList<>(); // [occurred µs, latency µs]
        AtomicLong received = new AtomicLong();
        AtomicLong lastArrival = new AtomicLong();
        List<WorkbenchSession> sessions = new ArrayList<>();
        for (LoadPopulation.LoadUser owner : owners) {
            WorkbenchSession session = WorkbenchSession.signIn(owner.username(), Stack.LOAD_PASSWORD);
            session.listen((event, arrived) -> {
                // each screen counts its own order only (a manager also sees the team's orders)
                if (!EventTypes.ORDER_MILESTONE_REACHED.name().equals(event.path("type").asText())
                        || !owner.orderId().equals(event.path("subject").asText()) || event.path("occurredAt").isNull()) {
                    return;
                }
                long occurred = micros(Instant.parse(event.path("occurredAt").asText()));
                if (occurred < micros(start) || occurred % 1000 != MARK) {
                    return; // not one of this run's reports (the simulator of ./esop up reports on orders too)
                }
                occurred -= MARK;
                received.incrementAndGet();
                lastArrival.accumulateAndGet(arrived, Math::max);
                synchronized (latencies) {
                    latencies.add(new long[] { occurred, arrived - occurred });
                }
            });
            sessions.add(session);
        }
        double signalRate = Double.parseDouble(System.getProperty("burst.signals", "0"));
        List<String> customers = new ArrayList<>();
        LoadPopulation.read("customer-manager").forEach(m -> {
            customers.add(LoadPopulation.customerId(m.username(), 1));
            customers.add(LoadPopulation.customerId(m.username(), 2));
        });
        long[] signalsSent = { 0 };
        long sent = produce(new ArrayList<>(orders), rate, seconds, customers, signalRate, signalsSent);
        long deadline = System.currentTimeMillis() + drain * 1000L;
        while (received.get() < sent && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        sessions.forEach(WorkbenchSession::close);
        long[] measured;
        synchronized (latencies) {
            measured = latencies.stream().filter(l -> l[0] >= measureFrom).mapToLong(l -> l[1]).sorted().toArray();
        }
        double p50 = percentile(measured, 50) / 1000.0;
        double p99 = percentile(measured, 99) / 1000.0;
        System.out.printf("[burst] %d of %d reports on screen, %d measured after the warm-up%n", received.get(), sent,
                measured.length);
        double max = measured.length == 0 ? Double.NaN : measured[measured.length - 1] / 1000.0;
        double kafkaP99 = kafkaEndToEndP99();
        double onScreenRate = received.get() == 0 ? 0
                : received.get() / ((lastArrival.get() - micros(start)) / 1e6);
        String at = String.format(java.util.Locale.ROOT, " at %.0f/s", rate);
        List<BenchRow> rows = List.of(
                new BenchRow(name, "order progress → SSE p99" + at, p99, "ms",
                        "raw Kafka end-to-end p99 (EndToEndLatency)", kafkaP99, "≤ baseline + 50 ms",
                        Double.isNaN(kafkaP99) || Double.isNaN(p99) ? null : p99 <= kafkaP99 + 50),
                BenchRow.info(name, "order progress → SSE p50" + at, p50, "ms"),
                BenchRow.info(name, "order progress → SSE max" + at, max, "ms"),
                new BenchRow(name, "reports on screen within the drain time" + at, received.get(), "events",
                        "reports produced", sent, "= baseline", received.get() >= sent),
                new BenchRow(name, "reports reaching the screen per second" + at, onScreenRate, "1/s",
                        "production rate", rate, "≥ 100 % of baseline", onScreenRate >= 0.99 * rate),
                BenchRow.info(name, "signals produced into esop.signals.v1 alongside" + at, signalsSent[0], "signals"));
        BenchResults.write(name, rows);
        return rows;
    }

    /**
     * Produces {@code rate} reports a second for {@code seconds}, round-robin over the orders, and alongside
     * {@code signalRate} signals a second for the load customers (the opportunity service's load in the same burst);
     * returns the count of reports.
     */
    static long produce(List<String> orders, double rate, int seconds, List<String> customers, double signalRate,
            long[] signalsSent) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.kafka());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        long base = System.currentTimeMillis() * 1000; // sequences above every earlier run's: never a duplicate
        long total = Math.round(rate * seconds);
        long startNanos = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            for (long i = 0; i < total; i++) {
                long due = startNanos + Math.round(i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                String orderId = orders.get((int) (i % orders.size()));
                OrderProgressEvent report = new OrderProgressEvent(UUID.randomUUID().toString(), orderId, base + i,
                        Milestone.RESOURCE_CHECK, ProgressKind.MILESTONE_STARTED, marked(Instant.now()), "ESOP-LOAD-TEST",
                        "load test report " + i);
                producer.send(new ProducerRecord<>(progressTopic(), null, orderId, json(report),
                        headers(report.eventId(), EventTypes.ORDER_PROGRESS_REPORTED.name(), orderId,
                                report.occurredAt())));
                while (signalRate > 0 && !customers.isEmpty() && signalsSent[0] < (i + 1) * signalRate / rate) {
                    producer.send(signal(customers.get((int) (signalsSent[0] % customers.size())), signalsSent[0]));
                    signalsSent[0]++;
                }
            }
            producer.flush();
        }
        double took = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("[burst] %d progress reports in %.1f s (%.0f/s) over %d orders, %d signals alongside%n",
                total, took, total / took, orders.size(), signalsSent[0]);
        return total;
    }

    private static ProducerRecord<String, byte[]> signal(String customerId, long n) {
        Instant now = Instant.now();
        Signal signal = new Signal(UUID.randomUUID().toString(), SignalSource.BASS_USAGE_SURGE, customerId, null,
                n % 2 == 0 ? ProductLine.CLOUD : ProductLine.DEDICATED_LINE, Intent.EXPAND, 0.6,
                new java.math.BigDecimal("7000"), now, "load test usage surge " + n, null, now);
        return new ProducerRecord<>(Topics.SIGNALS, null, signal.key(), json(signal),
                headers(signal.signalId(), EventTypes.SIGNAL_RECEIVED.name(), customerId, now));
    }

    private static RecordHeaders headers(String id, String type, String subject, Instant time) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEvents.SPEC_VERSION, bytes(CloudEvents.SPEC_VERSION_1_0));
        headers.add(CloudEvents.ID, bytes(id));
        headers.add(CloudEvents.TYPE, bytes(type));
        headers.add(CloudEvents.SOURCE, bytes("esop-load-tests"));
        headers.add(CloudEvents.SUBJECT, bytes(subject));
        headers.add(CloudEvents.TIME, bytes(time.toString()));
        headers.add(CloudEvents.CONTENT_TYPE, bytes(CloudEvents.APPLICATION_JSON));
        return headers;
    }

    /** The raw Kafka end-to-end p99 of this run's baseline, or NaN when it did not run. */
    static double kafkaEndToEndP99() {
        return BenchResults.readAll().stream()
                .filter(r -> r.benchmark().equals(io.esop.load.baseline.KafkaBaselines.NAME)
                        && r.figure().startsWith(io.esop.load.baseline.KafkaBaselines.E2E_P99))
                .mapToDouble(BenchRow::value).findFirst().orElse(Double.NaN);
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /**
     * The reports' occurredAt carry this many microseconds past their millisecond, so the screen tells them from
     * other reports on the same orders; the producer time is the millisecond itself (under 1 ms early).
     */
    static final long MARK = 777;

    /** Where the reports go: the real topic, or the smoke test's own (its order service reads that one). */
    static String progressTopic() {
        return System.getProperty("burst.topic", Topics.ORDER_PROGRESS);
    }

    static Instant marked(Instant now) {
        return now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plusNanos(MARK * 1000);
    }

    static long micros(Instant i) {
        return i.getEpochSecond() * 1_000_000 + i.getNano() / 1000;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(Object o) {
        try {
            return EVENTS.writeValueAsBytes(o);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

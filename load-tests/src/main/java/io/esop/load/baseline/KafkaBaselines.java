package io.esop.load.baseline;

import io.esop.load.BenchResults;
import io.esop.load.BenchRow;
import io.esop.load.Stack;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.ConsumerPerformance;

/**
 * What the local Kafka does by itself, measured with Kafka's own tools on throw-away topics: the raw consumer rate
 * ({@code ConsumerPerformance} over {@code kafka.perf.messages} records of {@code kafka.perf.size} bytes in 12
 * partitions, like the event topics) and the end-to-end latency of one record at a time, produced with acks=all
 * and consumed ({@code EndToEndLatency}, {@code kafka.e2e.messages}).
 */
public final class KafkaBaselines {

    public static final String NAME = "baseline-kafka";
    public static final String E2E_P99 = "raw Kafka end-to-end p99";
    static final String PERF_TOPIC = "esop.bench.consumer-perf";
    static final String E2E_TOPIC = "esop.bench.end-to-end";

    public static void main(String[] args) throws Exception {
        run(Stack.intProperty("kafka.perf.messages", 500_000), Stack.intProperty("kafka.perf.size", 500),
                Stack.intProperty("kafka.e2e.messages", 5_000));
    }

    public static List<BenchRow> run(int messages, int size, int e2eMessages) throws Exception {
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("Kafka tool exited with " + status + ": " + message);
        });
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.kafka()))) {
            deleteQuietly(admin, PERF_TOPIC);
            deleteQuietly(admin, E2E_TOPIC);
            admin.createTopics(List.of(new NewTopic(PERF_TOPIC, 12, (short) 1))).all().get();
            fill(messages, size);

            String perf = Captured.stdout(() -> ConsumerPerformance.main(new String[] { "--bootstrap-server",
                    Stack.kafka(), "--topic", PERF_TOPIC, "--messages", Integer.toString(messages), "--group",
                    "esop-bench-consumer-perf-" + System.currentTimeMillis(), "--timeout", "60000" }));
            double perSecond = consumerRate(perf);

            String e2e = Captured.stdout(() -> endToEnd(e2eMessages));
            double[] latency = latency(e2e);

            deleteQuietly(admin, PERF_TOPIC);
            deleteQuietly(admin, E2E_TOPIC);
            List<BenchRow> rows = List.of(
                    BenchRow.info(NAME, "raw Kafka consumer (ConsumerPerformance, " + size + " B records)", perSecond,
                            "records/s"),
                    BenchRow.info(NAME, E2E_P99 + " (EndToEndLatency, acks=all)", latency[1], "ms"),
                    BenchRow.info(NAME, "raw Kafka end-to-end p50", latency[0], "ms"),
                    BenchRow.info(NAME, "raw Kafka end-to-end average", latency[2], "ms"));
            BenchResults.write(NAME, rows);
            return rows;
        } finally {
            Exit.resetExitProcedure();
        }
    }

    private static void fill(int messages, int size) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.kafka());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        byte[] value = new byte[size];
        java.util.Arrays.fill(value, (byte) 'x');
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < messages; i++) {
                producer.send(new ProducerRecord<>(PERF_TOPIC, Integer.toString(i).getBytes(), value));
            }
            producer.flush();
        }
    }

    /** EndToEndLatency's own entry point without its exit: broker, topic, count, acks, record size. */
    private static void endToEnd(int messages) throws Exception {
        var execute = Class.forName("org.apache.kafka.tools.EndToEndLatency").getDeclaredMethod("execute", String[].class);
        execute.setAccessible(true);
        execute.invoke(null, (Object) new String[] { Stack.kafka(), E2E_TOPIC, Integer.toString(messages), "all", "500" });
    }

    /** nMsg.sec from ConsumerPerformance's result line. */
    static double consumerRate(String output) {
        for (String line : output.split("\n")) {
            String[] f = line.split(",\\s*");
            if (f.length >= 6 && f[0].matches("\\d{4}-.*")) {
                return Double.parseDouble(f[5].trim());
            }
        }
        throw new IllegalStateException("no result line in ConsumerPerformance's output:\n" + output);
    }

    private static final Pattern PERCENTILES = Pattern.compile("50th = (\\d+), 99th = (\\d+)");
    private static final Pattern AVERAGE = Pattern.compile("Avg latency: ([0-9.]+) ms");

    /** p50, p99 and average in ms from EndToEndLatency's output. */
    static double[] latency(String output) {
        Matcher p = PERCENTILES.matcher(output);
        Matcher a = AVERAGE.matcher(output);
        if (!p.find() || !a.find()) {
            throw new IllegalStateException("no latency in EndToEndLatency's output:\n" + output);
        }
        return new double[] { Double.parseDouble(p.group(1)), Double.parseDouble(p.group(2)),
                Double.parseDouble(a.group(1)) };
    }

    private static void deleteQuietly(Admin admin, String topic) throws Exception {
        if (admin.listTopics().names().get().contains(topic)) {
            admin.deleteTopics(List.of(topic)).all().get();
            Thread.sleep(500);
        }
    }
}

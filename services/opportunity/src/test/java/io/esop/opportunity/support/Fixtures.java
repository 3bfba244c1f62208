package io.esop.opportunity.support;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.esop.contracts.Industry;
import io.esop.contracts.ProductLine;
import io.esop.contracts.Topics;
import io.esop.contracts.signal.Intent;
import io.esop.contracts.signal.Prospect;
import io.esop.contracts.signal.Signal;
import io.esop.contracts.signal.SignalSource;

/** Test data that never collides with earlier runs: unique ids, credit codes and test regions. */
public final class Fixtures {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static volatile boolean ready;

    private Fixtures() {
    }

    public static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    public static String creditCode() {
        StringBuilder b = new StringBuilder("91");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 16; i++) {
            b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** A 6-digit division code under "99" (no real province), unique enough per test. */
    public static String testRegion() {
        return "99" + String.format("%02d", ThreadLocalRandom.current().nextInt(1, 100)) + String.format("%02d",
                ThreadLocalRandom.current().nextInt(1, 100));
    }

    /** A customer in this service's read model (as esop.customers.v1 would have put it there). */
    public static String customer(String manager, String team, String region, Industry industry, String tier) {
        String id = id("t-cust");
        Db.update("""
                insert into customer_view (customer_id, name, credit_code, industry, region, value_tier, status,
                                           account_manager_id, team_id, version, updated_at)
                values (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, 1, now())""",
                id, "Test Co " + id, creditCode(), industry.name(), region, tier, manager, team);
        return id;
    }

    public static Signal forCustomer(String customerId, SignalSource source, ProductLine line, Intent intent,
            double strength, long monthlyValue) {
        Instant now = Instant.now();
        return new Signal(id("t-sig"), source, customerId, null, line, intent, strength, BigDecimal.valueOf(monthlyValue),
                now, "test signal", null, now);
    }

    public static Signal forProspect(String region, Industry industry, ProductLine line, Intent intent, long monthlyValue) {
        Instant now = Instant.now();
        Prospect prospect = new Prospect("Prospect " + id("p"), creditCode(), region, industry, "Ms Test",
                "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
        return new Signal(id("t-sig"), SignalSource.BASS_USAGE_SURGE, null, prospect, line, intent, 0.7,
                BigDecimal.valueOf(monthlyValue), now, "test prospect signal", null, now);
    }

    public static Signal withId(Signal s, String signalId) {
        return new Signal(signalId, s.source(), s.customerId(), s.prospect(), s.productLine(), s.intent(), s.strength(),
                s.estimatedMonthlyValue(), s.observedAt(), s.detail(), s.capturedBy(), s.occurredAt());
    }

    public static void send(Signal s) {
        Kafka.send(Topics.SIGNALS, s.key(), s);
    }

    /**
     * Once per test JVM: waits until the pipeline consumes esop.signals.v1 (a first-ever test group starts
     * at the end of the topic, so a signal sent before its partitions are assigned would be skipped).
     */
    public static synchronized void pipelineReady() {
        if (ready) {
            return;
        }
        Kafka.awaitSignalConsumer("esop-opportunity-test.signals");
        String region = testRegion();
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().pollInterval(Duration.ofSeconds(1)).until(() -> {
            Signal warmUp = forProspect(region, Industry.OTHER, ProductLine.SMS, Intent.NEW, 10);
            send(warmUp);
            return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(
                    () -> Db.single("select opportunity_id from signal where signal_id = ?", warmUp.signalId()),
                    v -> v != null) != null;
        });
        ready = true;
    }
}

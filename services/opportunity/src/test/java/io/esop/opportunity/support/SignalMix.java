package io.esop.opportunity.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.esop.contracts.Industry;
import io.esop.contracts.ProductLine;
import io.esop.contracts.signal.Intent;
import io.esop.contracts.signal.Prospect;
import io.esop.contracts.signal.Signal;
import io.esop.contracts.signal.SignalSource;

/**
 * A realistic stream: prospects raising several signals (merged), ~30 % resends of an earlier signal
 * (same id), ~1 % invalid records. Knows what the outcome must be.
 */
public final class SignalMix {

    /** One record to produce: its Kafka key and raw value. */
    public record Record(String key, byte[] value) {
    }

    public final List<Record> records = new ArrayList<>();
    public int uniqueValid;
    public int duplicates;
    public int invalid;
    public final java.util.Set<String> prospectsUsed = new java.util.HashSet<>();
    public final String prefix;

    public SignalMix(String run, int total, long seed) {
        prefix = "rel-" + run + "-";
        Random random = new Random(seed);
        int prospects = Math.max(1, total / 4);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < prospects; i++) {
            codes.add(Fixtures.creditCode());
        }
        ProductLine[] lines = ProductLine.values();
        SignalSource[] sources = SignalSource.values();
        List<Record> valid = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < total; i++) {
            double dice = random.nextDouble();
            if (dice < 0.01) {
                String key = prefix + "bad-" + i;
                records.add(new Record(key, ("{\"signalId\":\"" + key + "\",\"broken\":").getBytes()));
                invalid++;
            } else if (dice < 0.31 && !valid.isEmpty()) {
                records.add(valid.get(random.nextInt(valid.size())));
                duplicates++;
            } else {
                int p = random.nextInt(prospects);
                String code = codes.get(p);
                prospectsUsed.add(code);
                // one product line and intent per prospect: its signals merge into one opportunity
                Prospect prospect = new Prospect("Bench Prospect " + p, code, "97" + String.format("%04d", p % 100),
                        Industry.values()[p % Industry.values().length], "Contact", "1390000" + String.format("%04d", p % 10000));
                Signal s = new Signal(prefix + i, sources[random.nextInt(sources.length)], null, prospect,
                        lines[p % lines.length], Intent.values()[p % Intent.values().length],
                        Math.round(random.nextDouble() * 100) / 100.0,
                        BigDecimal.valueOf(100 + random.nextInt(30_000)).setScale(2), now.minusSeconds(random.nextInt(3600)),
                        "benchmark signal", null, now);
                try {
                    Record r = new Record(s.key(), Kafka.JSON.writeValueAsBytes(s)); // keyed by customer, as the contract says
                    records.add(r);
                    valid.add(r);
                    uniqueValid++;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}

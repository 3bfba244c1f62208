package io.esop.load.signals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.EsopJson;
import io.esop.contracts.Industry;
import io.esop.contracts.ProductLine;
import io.esop.contracts.signal.Intent;
import io.esop.contracts.signal.Prospect;
import io.esop.contracts.signal.Signal;
import io.esop.contracts.signal.SignalSource;

/**
 * A realistic signal stream, reproducible from its seed: prospects raising several signals each (the later
 * ones merge into the first one's opportunity), about 30 % resends of an earlier signal (same id), about 1 %
 * invalid records (half unreadable JSON, half a wrong region code). Knows what the outcome must be.
 */
public final class SignalStream {

    /** One record to produce: its Kafka key and raw value; {@code signal} is null for an invalid one. */
    public record Record(String key, byte[] value, Signal signal) {
    }

    static final ObjectMapper JSON = EsopJson.newObjectMapper();

    // Shanghai and Hangzhou (the demo staff cover them), Beijing and a made-up code nobody covers (director queue)
    private static final String[] REGIONS = { "310000", "310115", "330100", "330106", "110000", "979797" };
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    public final List<Record> records = new ArrayList<>();
    /** Distinct valid signal ids: the rows a pipeline persists. */
    public final List<Signal> unique = new ArrayList<>();
    public final Set<String> prospects = new HashSet<>();
    public final String prefix;
    public int duplicates;
    public int invalid;

    public SignalStream(String run, int total, long seed) {
        prefix = "bench-" + run + "-";
        Random random = new Random(seed);
        int prospectCount = Math.max(1, total / 4);
        List<String> codes = new ArrayList<>(prospectCount);
        for (int i = 0; i < prospectCount; i++) {
            codes.add(creditCode(random));
        }
        ProductLine[] lines = ProductLine.values();
        SignalSource[] sources = SignalSource.values();
        Industry[] industries = Industry.values();
        Instant now = Instant.now();
        for (int i = 0; i < total; i++) {
            double dice = random.nextDouble();
            if (dice < 0.005) {
                String key = prefix + "bad-" + i;
                records.add(new Record(key, ("{\"signalId\":\"" + key + "\",\"broken\":").getBytes(), null));
                invalid++;
            } else if (dice < 0.01) {
                String key = prefix + "bad-" + i;
                Signal wrongRegion = new Signal(key, SignalSource.CAMPAIGN_RESPONSE, null, new Prospect("Bad Region Co",
                        null, "31", Industry.RETAIL, "Contact", "13900000000"), ProductLine.SMS, Intent.NEW, 0.5,
                        BigDecimal.valueOf(500), now, "invalid: region", null, now);
                records.add(new Record(key, bytes(wrongRegion), null));
                invalid++;
            } else if (dice < 0.31 && !unique.isEmpty()) {
                Record resend = records.get(random.nextInt(records.size()));
                while (resend.signal() == null) {
                    resend = records.get(random.nextInt(records.size()));
                }
                records.add(resend);
                duplicates++;
            } else {
                int p = random.nextInt(prospectCount);
                String code = codes.get(p);
                prospects.add(code);
                // one product line and intent per prospect: all its signals are about one opportunity
                Prospect prospect = new Prospect("Bench Prospect " + p, code, REGIONS[p % REGIONS.length],
                        industries[p % industries.length], "Contact " + p, "1390000" + String.format("%04d", p % 10_000));
                Signal s = new Signal(prefix + i, sources[random.nextInt(sources.length)], null, prospect,
                        lines[p % lines.length], Intent.values()[p % Intent.values().length],
                        Math.round(random.nextDouble() * 100) / 100.0,
                        BigDecimal.valueOf(100 + random.nextInt(30_000)).setScale(2),
                        now.minusSeconds(random.nextInt(86_400)), "benchmark signal " + i, null, now);
                records.add(new Record(s.key(), bytes(s), s)); // keyed as the contract says: by the customer
                unique.add(s);
            }
        }
    }

    private static byte[] bytes(Signal s) {
        try {
            return JSON.writeValueAsBytes(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String creditCode(Random random) {
        StringBuilder b = new StringBuilder("91");
        for (int i = 0; i < 16; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}

package io.esop.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where every benchmark leaves its rows: one tab-separated file per benchmark under the bench directory
 * ({@code -Desop.bench.dir}, default {@code target/bench}), which {@code ./esop bench} gathers into one table.
 */
public final class BenchResults {

    static final String HEADER = "benchmark\tfigure\tvalue\tunit\tbaseline\tbaseline_value\tratio\ttarget\tmet";

    private BenchResults() {
    }

    public static Path directory() {
        return Path.of(System.getProperty("esop.bench.dir", "target/bench"));
    }

    /** Replaces the rows of {@code benchmark} and prints them. */
    public static void write(String benchmark, List<BenchRow> rows) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        rows.forEach(row -> lines.add(line(row)));
        try {
            Files.createDirectories(directory());
            Files.write(directory().resolve(benchmark + ".tsv"), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results of " + benchmark, e);
        }
        lines.forEach(System.out::println);
    }

    /** Every row written so far, in file-name order. */
    public static List<BenchRow> readAll() {
        if (!Files.isDirectory(directory())) {
            return List.of();
        }
        try (var files = Files.list(directory())) {
            List<BenchRow> rows = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                Files.readAllLines(file, StandardCharsets.UTF_8).stream().skip(1).map(BenchResults::parse).forEach(rows::add);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + directory(), e);
        }
    }

    static String line(BenchRow row) {
        return String.join("\t", row.benchmark(), row.figure(), number(row.value()), row.unit(), row.baseline(),
                number(row.baselineValue()), number(row.ratio()), row.target(),
                row.met() == null ? "" : row.met().toString());
    }

    static BenchRow parse(String line) {
        String[] f = line.split("\t", -1);
        return new BenchRow(f[0], f[1], Double.parseDouble(f[2]), f[3], f[4], Double.parseDouble(f[5]), f[7],
                f[8].isEmpty() ? null : Boolean.valueOf(f[8]));
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%.4f", value);
    }
}

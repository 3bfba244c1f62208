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
 * The one table of a bench run: every row every benchmark wrote, with its baseline, the ratio and the target,
 * printed and written to {@code <bench dir>/summary.md}.
 */
public final class BenchSummary {

    private BenchSummary() {
    }

    public static void main(String[] args) {
        write(args.length > 0 ? String.join(" ", args) : "");
    }

    /** Prints the table and writes summary.md; {@code notes} go under it (machine, duration, skipped steps). */
    public static String write(String notes) {
        List<BenchRow> rows = BenchResults.readAll();
        List<String> lines = new ArrayList<>();
        lines.add("# ESOP bench summary");
        lines.add("");
        lines.add("| benchmark | figure | value | baseline | ratio | target | met |");
        lines.add("|---|---|---|---|---|---|---|");
        for (BenchRow r : rows) {
            lines.add("| " + String.join(" | ", r.benchmark(), r.figure(), number(r.value()) + " " + r.unit(),
                    r.baseline().isEmpty() ? "" : r.baseline() + ": " + number(r.baselineValue()),
                    Double.isNaN(r.ratio()) ? "" : String.format(Locale.ROOT, "%.2f", r.ratio()), r.target(),
                    r.met() == null ? "" : r.met() ? "yes" : "**no**") + " |");
        }
        if (!notes.isBlank()) {
            lines.add("");
            lines.add(notes);
        }
        lines.add("");
        lines.add("Gatling reports: `gatling/` beside this file. Figures are from one run on this machine; compare "
                + "ratios, not absolute values, across machines.");
        String table = String.join("\n", lines) + "\n";
        try {
            Files.createDirectories(BenchResults.directory());
            Files.writeString(BenchResults.directory().resolve("summary.md"), table, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println();
        System.out.print(table);
        System.out.println();
        System.out.println("written to " + Path.of(BenchResults.directory().toString(), "summary.md").toAbsolutePath());
        return table;
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}

package io.esop.load.gatling;

import java.nio.file.Path;

/**
 * The global figures of a Gatling run, read from the "Global Information" block Gatling prints at the end (its
 * HTML report keeps them only inside the page).
 *
 * @param status  Gatling's exit status: 0 when every assertion held
 * @param report  the report's directory
 */
public record GatlingRun(int status, Path report, long requests, long failed, double p50, double p95, double p99,
        double meanRequestsPerSecond) {

    public static GatlingRun fromOutput(int status, Path report, String output) {
        int global = output.lastIndexOf("---- Global Information");
        String block = global < 0 ? "" : output.substring(global);
        return new GatlingRun(status, report, (long) value(block, "> request count", 1),
                (long) value(block, "> request count", 3), value(block, "> response time 50th percentile", 1),
                value(block, "> response time 95th percentile", 1), value(block, "> response time 99th percentile", 1),
                value(block, "> mean throughput", 1));
    }

    /** Column {@code column} (1 = total, 2 = OK, 3 = KO) of the line starting with {@code label}; "-" is 0. */
    static double value(String block, String label, int column) {
        for (String line : block.split("\n")) {
            if (line.startsWith(label)) {
                String[] cells = line.split("\\|");
                if (cells.length <= column) {
                    return Double.NaN;
                }
                String cell = cells[column].trim().replace(",", "");
                return cell.equals("-") || cell.isEmpty() ? 0 : Double.parseDouble(cell);
            }
        }
        return Double.NaN;
    }
}

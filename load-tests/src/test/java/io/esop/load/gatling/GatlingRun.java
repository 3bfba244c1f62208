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

    /** One request's figures from the report's statistics table. */
    public record RequestStats(String name, long count, long failed, double p50, double p99) {
    }

    private static final java.util.regex.Pattern ROW = java.util.regex.Pattern.compile(
            "class=\"ellipsed-name\">([^<]+)</span>(.*?)</tr>", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern CELL = java.util.regex.Pattern.compile(
            "<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");

    /** Per-request figures of the report (its index.html statistics table), in the table's order. */
    public java.util.List<RequestStats> perRequest() throws java.io.IOException {
        java.util.List<RequestStats> stats = new java.util.ArrayList<>();
        if (report == null || !java.nio.file.Files.exists(report.resolve("index.html"))) {
            return stats;
        }
        String html = java.nio.file.Files.readString(report.resolve("index.html"));
        java.util.regex.Matcher row = ROW.matcher(html);
        while (row.find()) {
            java.util.Map<Integer, Double> cells = new java.util.HashMap<>();
            java.util.regex.Matcher cell = CELL.matcher(row.group(2));
            while (cell.find()) {
                String v = cell.group(2).trim().replace(",", "");
                cells.put(Integer.parseInt(cell.group(1)), v.equals("-") || v.isEmpty() ? 0 : Double.parseDouble(v));
            }
            if (cells.containsKey(11)) {
                stats.add(new RequestStats(row.group(1).replace("&amp;", "&"), cells.get(2).longValue(),
                        cells.get(4).longValue(), cells.get(8), cells.get(11)));
            }
        }
        return stats;
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

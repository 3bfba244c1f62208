package io.esop.load;

/**
 * One line of the benchmark table: a figure measured by a benchmark, the baseline measured in the same run on the
 * same machine, their ratio and the target it is judged against.
 *
 * @param benchmark   which benchmark measured it, e.g. {@code signal-pipeline}
 * @param figure      what was measured, e.g. {@code signals fully processed per second}
 * @param value       the measured value
 * @param unit        its unit, e.g. {@code 1/s}, {@code ms}
 * @param baseline    what it is compared with, e.g. {@code raw batched INSERT rows/s}; empty when none
 * @param baselineValue the baseline's value in the same unit; {@code NaN} when none
 * @param target      the target in words, e.g. {@code ≥ 50 % of baseline}; empty when none
 * @param met         whether the target is met; {@code null} when there is no target
 */
public record BenchRow(String benchmark, String figure, double value, String unit, String baseline,
                       double baselineValue, String target, Boolean met) {

    /** value / baseline, or NaN without a baseline. */
    public double ratio() {
        return Double.isNaN(baselineValue) || baselineValue == 0 ? Double.NaN : value / baselineValue;
    }

    /** A figure reported for information, with neither baseline nor target. */
    public static BenchRow info(String benchmark, String figure, double value, String unit) {
        return new BenchRow(benchmark, figure, value, unit, "", Double.NaN, "", null);
    }
}

package io.esop.load.gatling;

import com.fasterxml.jackson.databind.JsonNode;
import io.esop.load.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * Runs a Gatling simulation in this JVM (so the bench and the smoke test need no Maven plugin) and reads the
 * global figures of its HTML report.
 *
 * @param status  Gatling's exit status: 0 when every assertion held
 * @param report  the report's directory
 */
public record GatlingRun(int status, Path report, long requests, long failed, double p50, double p95, double p99,
        double meanRequestsPerSecond) {

    public static GatlingRun run(Class<?> simulation, Path resultsFolder, String description) {
        try {
            Files.createDirectories(resultsFolder);
            int status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] { "-s", simulation.getName(), "-rf",
                    resultsFolder.toAbsolutePath().toString(), "-rd", description });
            String prefix = simulation.getSimpleName().toLowerCase();
            Path report;
            try (var dirs = Files.list(resultsFolder)) {
                report = dirs.filter(d -> d.getFileName().toString().startsWith(prefix))
                        .max(Comparator.comparing(d -> d.toFile().lastModified())).orElse(null);
            }
            return read(status, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GatlingRun read(int status, Path report) throws IOException {
        Path stats = report == null ? null : report.resolve("js/stats.json");
        if (stats == null || !Files.exists(stats)) {
            return new GatlingRun(status, report, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        JsonNode s = Http.JSON.readTree(stats.toFile()).get("stats");
        return new GatlingRun(status, report, s.at("/numberOfRequests/total").asLong(),
                s.at("/numberOfRequests/ko").asLong(), s.at("/percentiles1/total").asDouble(),
                s.at("/percentiles3/total").asDouble(), s.at("/percentiles4/total").asDouble(),
                s.at("/meanNumberOfRequestsPerSecond/total").asDouble());
    }
}

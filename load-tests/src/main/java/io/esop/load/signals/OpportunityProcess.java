package io.esop.load.signals;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged opportunity service ({@code services/opportunity/target/quarkus-app}) as a separate JVM,
 * beside whatever else runs: its own HTTP port, database, signals topic, consumer groups, Redis prefix and
 * outbox transactional id, so it neither takes another instance's input nor fences its relay. Its events
 * still go to the real {@code esop.opportunities.v1} (publishing is part of what is measured).
 */
public final class OpportunityProcess implements AutoCloseable {

    private final List<String> command = new ArrayList<>();
    private final Path log;
    private Process process;

    public OpportunityProcess(Path jar, String database, String signalsTopic, String run, Map<String, String> extra) {
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + System.getProperty("signals.heap", "768m"));
        // e.g. -Dsignals.jvm=-XX:StartFlightRecording=filename=target/opportunity.jfr to see where the time goes
        for (String option : System.getProperty("signals.jvm", "").trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put("quarkus.http.port", System.getProperty("signals.port", "18082"));
        props.put("quarkus.datasource.reactive.url", "postgresql://" + host() + "/" + database);
        props.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + host() + "/" + database);
        props.put("mp.messaging.incoming.signals-in.topic", signalsTopic);
        props.put("mp.messaging.incoming.signals-in.group.id", "esop-opportunity-" + run + ".signals");
        props.put("mp.messaging.incoming.customers-in.group.id", "esop-opportunity-" + run + ".customers");
        props.put("mp.messaging.incoming.staff-in.group.id", "esop-opportunity-" + run + ".staff");
        props.put("esop.opportunity.redis-prefix", redisPrefix(run));
        props.put("esop.outbox.relay.transactional-id", "esop-opportunity-" + run + "-outbox");
        props.put("quarkus.log.category.\"io.esop\".level", "WARN");
        props.putAll(extra);
        props.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        log = Path.of("target", "opportunity-" + run + ".log");
    }

    static String redisPrefix(String run) {
        return "esop:opportunity-" + run + ":";
    }

    static String host() {
        return System.getProperty("esop.db.host", "localhost:5432");
    }

    public OpportunityProcess start() throws IOException {
        Files.createDirectories(log.getParent());
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(log.toString()))).start();
        return this;
    }

    /** SIGKILL: no shutdown hook, no commit, no flush. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}

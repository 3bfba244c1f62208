package io.esop.opportunity.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged service ({@code target/quarkus-app}, built by {@code mvn package}) as a separate JVM that
 * a test can SIGKILL: what a crashing pod is. Runs against the test database, on a private signals topic
 * and private consumer groups and outbox transactional id, so that nothing else consumes its input or
 * fences its relay.
 */
public final class ServiceProcess implements AutoCloseable {

    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final List<String> command;
    private final Path log;
    private Process process;

    public ServiceProcess(String signalsTopic, String run, Map<String, String> extra) {
        command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx512m");
        Map<String, String> props = new java.util.LinkedHashMap<>();
        props.put("quarkus.http.port", "0");
        props.put("quarkus.datasource.reactive.url", "postgresql://localhost:5432/opportunity_test");
        props.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:5432/opportunity_test");
        props.put("mp.messaging.incoming.signals-in.topic", signalsTopic);
        props.put("mp.messaging.incoming.signals-in.group.id", "esop-opportunity-" + run + ".signals");
        props.put("mp.messaging.incoming.customers-in.group.id", "esop-opportunity-" + run + ".customers");
        props.put("mp.messaging.incoming.staff-in.group.id", "esop-opportunity-" + run + ".staff");
        props.put("esop.opportunity.redis-prefix", "esop:opportunity-" + run + ":");
        // a killed instance's partitions go to the restarted one after 6 s, not the default 45 s
        for (String channel : List.of("signals-in", "customers-in", "staff-in")) {
            props.put("mp.messaging.incoming." + channel + ".session.timeout.ms", "6000");
            props.put("mp.messaging.incoming." + channel + ".heartbeat.interval.ms", "2000");
        }
        // the same relay identity across the run's kills (fencing, marker recovery), none shared with ./esop up's
        props.put("esop.outbox.relay.transactional-id", "esop-opportunity-" + run + "-outbox");
        props.put("quarkus.log.category.\"io.esop\".level", "WARN");
        // @QuarkusTest runs resolve esop-eventing from the workspace (services/eventing/target/classes) and may have
        // applied a library migration that the jar packaged from ~/.m2 does not have yet
        props.put("quarkus.flyway.ignore-migration-patterns", "*:missing");
        props.putAll(extra);
        props.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(JAR.toString());
        log = Path.of("target", "service-" + run + ".log");
    }

    public static boolean packaged() {
        return Files.isRegularFile(JAR);
    }

    public ServiceProcess start() throws IOException {
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
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}

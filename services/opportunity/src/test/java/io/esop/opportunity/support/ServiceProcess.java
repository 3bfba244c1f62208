package io.esop.opportunity.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.esop.testing.Isolation;
import io.esop.testing.PackagedService;

/**
 * The packaged service ({@code target/quarkus-app}, built by {@code mvn package}) as a separate process that a test
 * can SIGKILL: what a crashing pod is. Runs against the test database on a private signals topic, isolated by the
 * run ({@link Isolation}: consumer groups, outbox transactional id, Redis prefix), so that nothing else consumes its
 * input or fences its relay; a restart with the same run takes over the killed one's offsets and relay.
 */
public final class ServiceProcess {

    public static final Path RUNNER = PackagedService.runnerOf(Path.of(""));

    private ServiceProcess() {
    }

    public static boolean packaged() {
        return Files.exists(RUNNER);
    }

    public static PackagedService start(String signalsTopic, String run) {
        PackagedService.Launch launch = PackagedService.of("opportunity-" + run, RUNNER)
                .jvm("-Xmx512m")
                .property("quarkus.http.port", "0")
                .properties(Isolation.of(Path.of(""), run).properties())
                .property("quarkus.datasource.reactive.url", "postgresql://localhost:5432/opportunity_test")
                .property("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:5432/opportunity_test")
                .property("mp.messaging.incoming.signals-in.topic", signalsTopic)
                .property("quarkus.log.category.\"io.esop\".level", "WARN")
                // @QuarkusTest runs resolve esop-eventing from the workspace (services/eventing/target/classes) and
                // may have applied a library migration that the jar packaged from ~/.m2 does not have yet
                .property("quarkus.flyway.ignore-migration-patterns", "*:missing")
                .log(Path.of("target", "service-" + run + ".log")).appending();
        // a killed instance's partitions go to the restarted one after 6 s, not the default 45 s
        for (String channel : List.of("signals-in", "customers-in", "staff-in")) {
            launch.property("mp.messaging.incoming." + channel + ".session.timeout.ms", "6000")
                    .property("mp.messaging.incoming." + channel + ".heartbeat.interval.ms", "2000");
        }
        return launch.start();
    }
}

package io.esop.load.signals;

import java.nio.file.Path;
import java.util.Map;

import io.esop.testing.Isolation;
import io.esop.testing.PackagedService;
import io.esop.testing.Platform;

/**
 * The packaged opportunity service ({@code services/opportunity/target/quarkus-app}) as a separate process,
 * beside whatever else runs: its own HTTP port, database and signals topic, isolated by the run ({@link Isolation}:
 * consumer groups, Redis prefix, outbox transactional id), so it neither takes another instance's input nor fences
 * its relay. Its events still go to the real {@code esop.opportunities.v1} (publishing is part of what is measured).
 */
final class OpportunityProcess {

    private OpportunityProcess() {
    }

    static Isolation isolation(String run) {
        return Isolation.of(Platform.findRoot().resolve("services/opportunity"), run);
    }

    static PackagedService start(Path runner, String database, String signalsTopic, String run,
            Map<String, String> extra) {
        return PackagedService.of("opportunity", runner)
                .jvm("-Xmx" + System.getProperty("signals.heap", "768m"))
                // e.g. -Dsignals.jvm=-XX:StartFlightRecording=filename=target/opportunity.jfr to see where the time goes
                .jvm(System.getProperty("signals.jvm", "").trim().split("\\s+"))
                .port(Integer.getInteger("signals.port", 18082))
                .properties(isolation(run).properties())
                .property("quarkus.datasource.reactive.url", "postgresql://" + host() + "/" + database)
                .property("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + host() + "/" + database)
                .property("mp.messaging.incoming.signals-in.topic", signalsTopic)
                .property("quarkus.log.category.\"io.esop\".level", "WARN")
                .properties(extra)
                .log(Path.of("target", "opportunity-" + run + ".log")).appending()
                .grace(java.time.Duration.ofSeconds(30))
                .start();
    }

    static String host() {
        return System.getProperty("esop.db.host", "localhost:5432");
    }
}

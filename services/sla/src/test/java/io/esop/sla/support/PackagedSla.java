package io.esop.sla.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.esop.testing.PackagedService;

/**
 * The packaged SLA service (the JVM jar, or the native executable under {@code -Dnative}) run as a process on
 * private topics, with its own application id, database, consumer groups and outbox transactional id, so it
 * collides with nothing else on the machine. For the tests that kill it or run two of it.
 */
public final class PackagedSla {

    /** Streams running, its state restored: a restore after a kill takes a while on two cores. */
    public static final Duration READY = Duration.ofSeconds(120);

    private PackagedSla() {
    }

    /**
     * @param topics       the private topics by role: opportunities, orders, customers, policies, alerts, dlq
     * @param instanceId   the static group member id (a StatefulSet pod's name), or null
     */
    public static PackagedService start(String applicationId, Map<String, String> topics, String database,
            Path stateDir, String instanceId, Path log) {
        int port = PackagedService.freePort();
        PackagedService.Launch launch = PackagedService.of("sla " + applicationId, PackagedService.runnerOf(Path.of("")))
                .jvm("-Xmx384m")
                .port(port)
                .property("quarkus.kafka-streams.application-id", applicationId)
                .property("kafka-streams.state.dir", stateDir.toAbsolutePath().toString())
                .property("quarkus.kafka-streams.topics", String.join(",", topics.get("opportunities"),
                        topics.get("orders"), topics.get("customers"), topics.get("policies")))
                .property("esop.sla.topics.opportunities", topics.get("opportunities"))
                .property("esop.sla.topics.orders", topics.get("orders"))
                .property("esop.sla.topics.customers", topics.get("customers"))
                .property("esop.sla.topics.policies", topics.get("policies"))
                .property("esop.sla.topics.alerts", topics.get("alerts"))
                .property("esop.sla.topics.dead-letters", topics.get("dlq"))
                .property("esop.sla.publish-seed-policies", "false")
                .property("mp.messaging.incoming.sla-alerts-in.topic", topics.get("alerts"))
                .property("mp.messaging.incoming.sla-alerts-in.group.id", applicationId + "-history")
                .property("mp.messaging.incoming.staff-in.group.id", applicationId + "-staff")
                .property("esop.outbox.relay.transactional-id", applicationId + "-outbox")
                .property("quarkus.datasource.reactive.url", "postgresql://localhost:5432/" + database)
                .property("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:5432/" + database)
                .log(log);
        // as the chart sets them on a StatefulSet pod: where its peers reach it, and its static member id
        launch.env(Map.of("ESOP_SLA_ADVERTISED_ADDRESS", "localhost:" + port));
        if (instanceId != null) {
            launch.env(Map.of("ESOP_SLA_INSTANCE_ID", instanceId));
        }
        return launch.start();
    }
}

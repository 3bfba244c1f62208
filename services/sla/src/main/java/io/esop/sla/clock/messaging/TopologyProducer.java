package io.esop.sla.clock.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.apache.kafka.streams.Topology;

import io.esop.contracts.EsopJson;
import io.esop.sla.config.SlaConfig;

/** Hands the SLA topology to quarkus-kafka-streams, which runs it with the kafka-streams.* settings. */
@ApplicationScoped
public class TopologyProducer {

    private final SlaConfig config;

    TopologyProducer(SlaConfig config) {
        this.config = config;
    }

    @Produces
    public Topology topology() {
        SlaConfig.TopicNames t = config.topics();
        return SlaTopology.build(
                new SlaTopics(t.opportunities(), t.orders(), t.customers(), t.policies(), t.alerts(), t.deadLetters()),
                config.punctuateInterval(), config.fireBudget(), EsopJson.newObjectMapper());
    }
}

package io.esop.sla.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;

import io.esop.contracts.Topics;
import io.esop.contracts.sla.SlaPolicy;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives each test run its own engine: a fresh Streams application id (own changelogs, deleted afterwards), state
 * under target/, input read from the end of the real topics, and a private policies topic holding the short test
 * policies, so that test policies never reach the shared esop.sla-policies.v1.
 */
public class SlaTestResource implements QuarkusTestResourceLifecycleManager {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String applicationId = "esop-sla-test-" + run;
    private final String policiesTopic = "esop-test.sla-policies." + run;

    @Override
    public Map<String, String> start() {
        KafkaSupport.createTopics(List.of(new NewTopic(policiesTopic, 1, (short) 1)
                .configs(Map.of("cleanup.policy", "compact"))));
        try (KafkaProducer<String, byte[]> producer = KafkaSupport.producer()) {
            for (SlaPolicy policy : TestPolicies.all()) {
                KafkaSupport.send(producer, policiesTopic, null, policy);
            }
        }
        return Map.of(
                "esop.sla.topics.policies", policiesTopic,
                "quarkus.kafka-streams.topics", String.join(",", Topics.OPPORTUNITIES, Topics.ORDERS,
                        Topics.CUSTOMERS, policiesTopic),
                "quarkus.kafka-streams.application-id", applicationId,
                "kafka-streams.state.dir", "target/kafka-streams-" + run,
                "kafka-streams.auto.offset.reset", "latest",
                "mp.messaging.incoming.sla-alerts-in.group.id", "esop-sla-test-alerts-" + run,
                "mp.messaging.incoming.staff-in.group.id", "esop-sla-test-staff-" + run);
    }

    @Override
    public void stop() {
        KafkaSupport.deleteTopics(List.of(policiesTopic), List.of(applicationId + "-"));
    }
}

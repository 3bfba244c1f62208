package io.esop.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.esop.devstack.ChannelTopicCheck.TopicUse;

class ChannelTopicCheckTest {

    /** The reactor's own configuration: every channel of every service names a declared topic. */
    @Test
    void everyChannelOfEveryServiceNamesADeclaredTopic() throws IOException {
        Path root = Repository.root();
        Set<String> declared = ChannelTopicCheck.names(TopicCatalog.read(root.resolve("kafka-topics")));
        List<TopicUse> uses = new ArrayList<>();
        for (Path file : ChannelTopicCheck.configurationFiles(root)) {
            uses.addAll(ChannelTopicCheck.topicsNamedIn(file));
        }

        assertThat(ChannelTopicCheck.undeclared(uses, declared))
                .as("topics named in application.properties but not declared in kafka-topics/")
                .isEmpty();
    }

    @Test
    void anUndeclaredTopicIsReportedWithItsPropertyAndFile() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("mp.messaging.incoming.signals-in.topic", "esop.signals.v1");
        properties.put("mp.messaging.incoming.signals-in.dead-letter-queue.topic", "esop.opportunity.dlq.v1");
        properties.put("mp.messaging.outgoing.typo-out.topic", "esop.oportunities.v1");
        properties.put("%test.mp.messaging.incoming.progress.topics", "esop.order-progress.v1, esop.unknown.v1");
        properties.put("quarkus.kafka-streams.topics", "${ESOP_TOPICS:esop.orders.v1,esop.streams-only.v1}");
        Path file = Path.of("services/demo/src/main/resources/application.properties");

        List<TopicUse> undeclared = ChannelTopicCheck.undeclared(ChannelTopicCheck.topicsNamedIn(properties, file),
                Set.of("esop.signals.v1", "esop.opportunity.dlq.v1", "esop.order-progress.v1", "esop.orders.v1"));

        assertThat(undeclared).extracting(TopicUse::topic)
                .containsExactlyInAnyOrder("esop.oportunities.v1", "esop.unknown.v1", "esop.streams-only.v1");
        assertThat(undeclared).allSatisfy(use -> assertThat(use.file()).isEqualTo(file));
        assertThat(undeclared).extracting(TopicUse::property).contains("mp.messaging.outgoing.typo-out.topic");
    }

    @Test
    void aChannelWithoutATopicPropertyUsesItsOwnName() {
        Map<String, String> properties = Map.of("mp.messaging.incoming.esop.orders.v1.connector", "smallrye-kafka",
                "mp.messaging.incoming.my-channel.value.deserializer", "x.Y");

        List<TopicUse> uses = ChannelTopicCheck.topicsNamedIn(properties, Path.of("a.properties"));

        assertThat(ChannelTopicCheck.undeclared(uses, Set.of())).extracting(TopicUse::topic).contains("my-channel");
    }
}

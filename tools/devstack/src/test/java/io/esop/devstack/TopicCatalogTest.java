package io.esop.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.esop.contracts.EventType;
import io.esop.contracts.EventTypes;
import io.esop.contracts.Topics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicCatalogTest {

    private static final String VALID = """
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaTopic
            metadata:
              name: esop-things-v1
              labels:
                strimzi.io/cluster: esop
            spec:
              topicName: esop.things.v1
              partitions: 12
              replicas: 3
              config:
                cleanup.policy: compact
                min.insync.replicas: 2
            """;

    @Test
    void everyDeclaredTopicIsAValidStrimziTopicWithItsSettings() {
        List<TopicSpec> topics = TopicCatalog.read(Repository.root().resolve("kafka-topics"));

        assertThat(topics).extracting(TopicSpec::name).contains(
                "esop.signals.v1", "esop.customers.v1", "esop.staff.v1", "esop.opportunities.v1", "esop.orders.v1",
                "esop.order-progress.v1", "esop.sla-policies.v1", "esop.sla-alerts.v1",
                "esop.opportunity.dlq.v1", "esop.order.dlq.v1", "esop.sla.dlq.v1", "esop.workbench.dlq.v1");
        Map<String, TopicSpec> byName = topics.stream().collect(java.util.stream.Collectors.toMap(TopicSpec::name, t -> t));
        for (String scaled : List.of("esop.signals.v1", "esop.opportunities.v1", "esop.orders.v1", "esop.order-progress.v1")) {
            assertThat(byName.get(scaled).partitions()).as(scaled + " partitions").isEqualTo(12);
        }
        for (String snapshots : List.of("esop.customers.v1", "esop.staff.v1", "esop.sla-policies.v1")) {
            assertThat(byName.get(snapshots).config()).as(snapshots).containsEntry("cleanup.policy", "compact");
        }
        for (TopicSpec topic : topics) {
            assertThat(topic.replicas()).as(topic.name() + " replicas").isGreaterThanOrEqualTo(3);
            assertThat(topic.config()).as(topic.name()).containsEntry("min.insync.replicas", "2").containsKey("cleanup.policy");
        }
    }

    @Test
    void everyTopicOfTheContractsAndEveryEventTypesTopicIsDeclared() {
        Set<String> declared = ChannelTopicCheck.names(TopicCatalog.read(Repository.root().resolve("kafka-topics")));

        assertThat(declared).containsAll(Topics.ALL);
        assertThat(declared).containsAll(EventTypes.ALL.stream().map(EventType::topic).toList());
    }

    @Test
    void aValidDeclarationIsRead(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("things.yaml"), VALID);

        TopicSpec topic = TopicCatalog.read(dir).get(0);

        assertThat(topic.name()).isEqualTo("esop.things.v1");
        assertThat(topic.partitions()).isEqualTo(12);
        assertThat(topic.replicas()).isEqualTo(3);
        assertThat(topic.config()).containsEntry("cleanup.policy", "compact").containsEntry("min.insync.replicas", "2");
    }

    @Test
    void anOldApiVersionIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("things.yaml"), VALID.replace("kafka.strimzi.io/v1", "kafka.strimzi.io/v1beta2"));

        assertThatThrownBy(() -> TopicCatalog.read(dir)).isInstanceOf(StackException.class)
                .hasMessageContaining("things.yaml").hasMessageContaining("apiVersion must be kafka.strimzi.io/v1");
    }

    @Test
    void aTopicWithoutPartitionsIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("things.yaml"), VALID.replace("  partitions: 12\n", ""));

        assertThatThrownBy(() -> TopicCatalog.read(dir)).hasMessageContaining("spec.partitions");
    }

    @Test
    void aTopicDeclaredTwiceIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), VALID);
        Files.writeString(dir.resolve("b.yaml"), VALID.replace("name: esop-things-v1", "name: esop-things-copy"));

        assertThatThrownBy(() -> TopicCatalog.read(dir)).hasMessageContaining("declared twice")
                .hasMessageContaining("a.yaml").hasMessageContaining("b.yaml");
    }

    @Test
    void theLocalStackCapsMinInsyncReplicasAtWhatOneBrokerHolds() {
        TopicSpec topic = new TopicSpec("t", 3, 3, Map.of("min.insync.replicas", "2", "cleanup.policy", "delete"), Path.of("t.yaml"));

        assertThat(Kafka.localConfig(topic, 1)).containsEntry("min.insync.replicas", "1").containsEntry("cleanup.policy", "delete");
        assertThat(Kafka.localConfig(topic, 3)).containsEntry("min.insync.replicas", "2");
    }
}

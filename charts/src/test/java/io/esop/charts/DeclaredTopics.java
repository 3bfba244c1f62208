package io.esop.charts;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The topics declared in kafka-topics/ (Strimzi KafkaTopic files): the single source of truth for partitions. */
final class DeclaredTopics {

    private DeclaredTopics() {
    }

    static Path dir() {
        return Chart.repositoryRoot().resolve("kafka-topics");
    }

    /** KafkaTopic documents by spec.topicName. */
    static Map<String, JsonNode> byTopicName() {
        Map<String, JsonNode> topics = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir())) {
            for (Path file : files.filter(DeclaredTopics::isTopicFile).sorted().toList()) {
                JsonNode topic = Chart.YAML.readTree(file.toFile());
                if (!"KafkaTopic".equals(topic.path("kind").asText())) {
                    throw new IllegalStateException(file + " is not a KafkaTopic");
                }
                topics.put(topic.path("spec").path("topicName").asText(), topic);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return topics;
    }

    static int partitions(String topicName) {
        JsonNode topic = byTopicName().get(topicName);
        if (topic == null) {
            throw new AssertionError(topicName + " is not declared in kafka-topics/");
        }
        return topic.path("spec").path("partitions").asInt();
    }

    private static boolean isTopicFile(Path file) {
        String name = file.getFileName().toString();
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && !name.startsWith("kustomization.");
    }
}

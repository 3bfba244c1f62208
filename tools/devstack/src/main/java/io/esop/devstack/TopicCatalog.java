package io.esop.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads the topics declared in kafka-topics/: one Strimzi {@code KafkaTopic} (API {@value #API_VERSION})
 * per file. The same files are applied by the Strimzi topic operator on Kubernetes (through the
 * folder's kustomization) and by the local stack here, so both run the same topics.
 */
public final class TopicCatalog {

    public static final String API_VERSION = "kafka.strimzi.io/v1";
    public static final String KIND = "KafkaTopic";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private TopicCatalog() {
    }

    public static List<TopicSpec> read(Path dir) {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .filter(f -> !f.getFileName().toString().startsWith("kustomization."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new StackException("cannot read the topic declarations in " + dir + ": " + e.getMessage(), e);
        }
        List<TopicSpec> topics = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Path file : files) {
            TopicSpec topic = parse(file);
            Path earlier = seen.putIfAbsent(topic.name(), file);
            if (earlier != null) {
                throw new StackException("topic " + topic.name() + " is declared twice: " + earlier.getFileName()
                        + " and " + file.getFileName());
            }
            topics.add(topic);
        }
        return topics;
    }

    static TopicSpec parse(Path file) {
        JsonNode doc;
        try {
            doc = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new StackException(file.getFileName() + ": not valid YAML: " + e.getMessage(), e);
        }
        String where = file.getFileName().toString();
        require(API_VERSION.equals(doc.path("apiVersion").asText()), where, "apiVersion must be " + API_VERSION);
        require(KIND.equals(doc.path("kind").asText()), where, "kind must be " + KIND);
        String metadataName = doc.path("metadata").path("name").asText("");
        require(!metadataName.isBlank(), where, "metadata.name is missing");
        require(!doc.path("metadata").path("labels").path("strimzi.io/cluster").asText("").isBlank(), where,
                "metadata.labels.strimzi.io/cluster is missing (the Strimzi topic operator needs it)");
        JsonNode spec = doc.path("spec");
        String name = spec.path("topicName").asText(metadataName);
        int partitions = spec.path("partitions").asInt(0);
        int replicas = spec.path("replicas").asInt(0);
        require(partitions > 0, where, "spec.partitions must be a positive number");
        require(replicas > 0, where, "spec.replicas must be a positive number");
        Map<String, String> config = new TreeMap<>();
        spec.path("config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
        return new TopicSpec(name, partitions, replicas, Map.copyOf(config), file);
    }

    private static void require(boolean condition, String file, String message) {
        if (!condition) {
            throw new StackException("kafka-topics/" + file + ": " + message);
        }
    }
}

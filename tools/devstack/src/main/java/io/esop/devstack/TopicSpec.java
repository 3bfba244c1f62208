package io.esop.devstack;

import java.nio.file.Path;
import java.util.Map;

/** A topic as declared by a Strimzi {@code KafkaTopic} file in kafka-topics/. */
public record TopicSpec(String name, int partitions, int replicas, Map<String, String> config, Path file) {
}

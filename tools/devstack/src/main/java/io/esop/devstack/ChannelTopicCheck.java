package io.esop.devstack;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the Kafka topics that the services' configuration names (SmallRye channels, their
 * dead-letter topics, Kafka Streams source topics) and reports those not declared in kafka-topics/.
 * A channel without a {@code topic} property reads or writes the topic named like the channel.
 */
public final class ChannelTopicCheck {

    private static final Pattern CHANNEL = Pattern.compile(
            "^(?:%[\\w-]+\\.)?mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(.+)$");
    private static final Pattern STREAMS_TOPICS = Pattern.compile("^(?:%[\\w-]+\\.)?quarkus\\.kafka-streams\\.topics$");
    private static final Pattern PLACEHOLDER_DEFAULT = Pattern.compile("^\\$\\{[^:}]+:([^}]*)}$");

    /** A topic named in a configuration file, and where. */
    public record TopicUse(String topic, String property, Path file) {
    }

    private ChannelTopicCheck() {
    }

    /** Every application.properties under src/main or src/test of the modules below {@code root}. */
    public static List<Path> configurationFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().equals("application.properties"))
                    .filter(f -> f.toString().contains("/src/main/resources/") || f.toString().contains("/src/test/resources/"))
                    .filter(f -> !f.toString().contains("/target/") && !f.toString().contains("/.esop/"))
                    .sorted()
                    .toList();
        }
    }

    public static List<TopicUse> topicsNamedIn(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(name -> values.put(name, properties.getProperty(name)));
        return topicsNamedIn(values, file);
    }

    static List<TopicUse> topicsNamedIn(Map<String, String> properties, Path file) {
        List<TopicUse> uses = new ArrayList<>();
        Map<String, Boolean> channelHasTopic = new LinkedHashMap<>();
        for (Map.Entry<String, String> property : properties.entrySet()) {
            String key = property.getKey();
            Matcher channel = CHANNEL.matcher(key);
            if (channel.matches()) {
                String channelKey = channel.group(1) + "." + channel.group(2);
                String attribute = channel.group(3);
                channelHasTopic.putIfAbsent(channelKey, false);
                switch (attribute) {
                    case "topic", "dead-letter-queue.topic" -> {
                        uses.add(new TopicUse(resolve(property.getValue()), key, file));
                        if (attribute.equals("topic")) {
                            channelHasTopic.put(channelKey, true);
                        }
                    }
                    case "topics" -> {
                        split(property.getValue()).forEach(topic -> uses.add(new TopicUse(topic, key, file)));
                        channelHasTopic.put(channelKey, true);
                    }
                    case "pattern" -> channelHasTopic.put(channelKey, true); // a pattern names no single topic
                    default -> {
                    }
                }
            } else if (STREAMS_TOPICS.matcher(key).matches()) {
                split(property.getValue()).forEach(topic -> uses.add(new TopicUse(topic, key, file)));
            }
        }
        channelHasTopic.forEach((channelKey, hasTopic) -> {
            if (!hasTopic) {
                String channel = channelKey.substring(channelKey.indexOf('.') + 1);
                uses.add(new TopicUse(channel, "mp.messaging." + channelKey + " (channel name)", file));
            }
        });
        return uses;
    }

    public static List<TopicUse> undeclared(List<TopicUse> uses, Set<String> declared) {
        return uses.stream().filter(use -> !declared.contains(use.topic())).toList();
    }

    private static List<String> split(String value) {
        return Arrays.stream(resolve(value).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String resolve(String value) {
        Matcher placeholder = PLACEHOLDER_DEFAULT.matcher(value.trim());
        return placeholder.matches() ? placeholder.group(1).trim() : value.trim();
    }

    static Set<String> names(List<TopicSpec> topics) {
        Set<String> names = new TreeSet<>();
        topics.forEach(topic -> names.add(topic.name()));
        return names;
    }
}

package io.esop.testing;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration that lets a packaged service run beside any other instance of itself (one of {@code ./esop up},
 * a test's, a benchmark's) without taking its events or fencing it: every Kafka consumer group, the outbox relay's
 * transactional id, the Kafka Streams application id and the Redis key prefix get the run's suffix. Derived from
 * the module's {@code application.properties}, so a channel added there is isolated too.
 *
 * @param properties the system properties to start the service with
 * @param consumers  each incoming channel's isolated group id and the topic it reads
 */
public record Isolation(Map<String, String> properties, Map<String, Consumer> consumers) {

    /** An incoming channel: its group id (isolated) and topic. */
    public record Consumer(String group, String topic) {
    }

    private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.incoming\\.([A-Za-z0-9_.-]+)\\.topic");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");
    private static final Pattern REDIS_PREFIX = Pattern.compile("(?:%[a-z]+\\.)?(esop\\.[a-z-]+\\.redis-prefix)");

    /** The isolation of the service in {@code module} (its folder) for the run {@code run}. */
    public static Isolation of(Path module, String run) {
        Properties configured = load(module.resolve("src/main/resources/application.properties"));
        String application = configured.getProperty("quarkus.application.name",
                "esop-" + module.toAbsolutePath().normalize().getFileName());
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, Consumer> consumers = new LinkedHashMap<>();
        properties.put("esop.outbox.relay.transactional-id", application + "-" + run + "-outbox");
        if (configured.containsKey("quarkus.kafka-streams.application-id")) {
            properties.put("quarkus.kafka-streams.application-id",
                    configured.getProperty("quarkus.kafka-streams.application-id") + "-" + run);
        }
        for (String key : configured.stringPropertyNames()) {
            Matcher channel = CHANNEL.matcher(key);
            if (channel.matches()) {
                String prefix = "mp.messaging.incoming." + channel.group(1) + ".";
                String group = expand(configured.getProperty(prefix + "group.id", application + "." + channel.group(1)),
                        configured) + "-" + run;
                properties.put(prefix + "group.id", group);
                consumers.put(channel.group(1), new Consumer(group, configured.getProperty(key)));
            }
            Matcher redis = REDIS_PREFIX.matcher(key);
            if (redis.matches()) {
                properties.put(redis.group(1), "esop:" + application.replaceFirst("^esop-", "") + "-" + run + ":");
            }
        }
        return new Isolation(Collections.unmodifiableMap(properties), Collections.unmodifiableMap(consumers));
    }

    /**
     * The value the service will see for {@code ${NAME:default}} expressions: another property, else the environment
     * variable, else the default ({@code ${quarkus.uuid}}, different in each process, is "x"). The group a test
     * positions must be the group the service joins.
     */
    private static String expand(String value, Properties configured) {
        Matcher expression = EXPRESSION.matcher(value);
        StringBuilder expanded = new StringBuilder();
        while (expression.find()) {
            String name = expression.group(1);
            String resolved = "quarkus.uuid".equals(name) ? "x"
                    : configured.getProperty(name, System.getenv().getOrDefault(name, expression.group(2)));
            if (resolved == null) {
                throw new IllegalStateException("cannot resolve ${" + name + "} in " + value);
            }
            expression.appendReplacement(expanded, Matcher.quoteReplacement(resolved));
        }
        expression.appendTail(expanded);
        return expanded.toString();
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return properties;
    }
}

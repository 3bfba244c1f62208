package io.esop.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Apache Kafka in KRaft mode (one node, broker and controller) from the {@code kafka_2.13} jars, in its
 * own JVM. Automatic topic creation is off: every topic comes from kafka-topics/.
 */
final class Kafka extends ServerComponent {

    static final int PORT = 9092;
    static final int CONTROLLER_PORT = 9093;
    static final String BOOTSTRAP = "localhost:" + PORT;

    Kafka(Layout layout) {
        super(layout, "kafka");
    }

    @Override
    int port() {
        return PORT;
    }

    @Override
    String endpoint() {
        return BOOTSTRAP;
    }

    /** The broker's own copy of its jars, so that rebuilding the devstack never pulls them from under it. */
    private Path libs() {
        return layout.bin().resolve("kafka-" + Versions.KAFKA).resolve("libs");
    }

    private Path serverProperties() {
        return layout.config("kafka").resolve("server.properties");
    }

    @Override
    protected void install(Console console) throws IOException {
        Unpack.once(libs(), target -> {
            console.step(name(), "installing Kafka " + Versions.KAFKA + " jars");
            try (var jars = Files.list(layout.libs())) {
                for (Path jar : jars.filter(f -> f.toString().endsWith(".jar")).toList()) {
                    Files.copy(jar, target.resolve(jar.getFileName()));
                }
            }
        });
        Files.writeString(serverProperties(), """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@localhost:%d
                listeners=PLAINTEXT://localhost:%d,CONTROLLER://localhost:%d
                advertised.listeners=PLAINTEXT://localhost:%d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%s
                auto.create.topics.enable=false
                num.partitions=1
                default.replication.factor=1
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=12
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                log.retention.hours=168
                log.cleaner.min.cleanable.ratio=0.1
                """.formatted(CONTROLLER_PORT, PORT, CONTROLLER_PORT, PORT, layout.data("kafka")));
    }

    @Override
    protected void prepare(Console console) throws IOException {
        if (Files.exists(layout.data("kafka").resolve("meta.properties"))) {
            return;
        }
        console.step(name(), "formatting the KRaft storage");
        List<String> format = new ArrayList<>(javaCommand("256m"));
        format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", serverProperties().toString(), "--ignore-formatted"));
        try {
            Process process = new ProcessBuilder(format)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.log(name()).toFile()))
                    .start();
            if (process.waitFor() != 0) {
                throw new StackException("formatting Kafka's storage failed, see " + layout.log(name()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while formatting Kafka's storage");
        }
    }

    private List<String> javaCommand(String heap) {
        return List.of(Main.javaExecutable(), "-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-cp", libs() + "/*");
    }

    @Override
    protected List<String> command() {
        List<String> command = new ArrayList<>(javaCommand("512m"));
        command.addAll(List.of("kafka.Kafka", serverProperties().toString()));
        return command;
    }

    @Override
    boolean healthy() {
        if (!Ports.inUse(PORT)) {
            return false;
        }
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Admin admin() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return Admin.create(properties);
    }

    @Override
    protected void provision(Console console) throws Exception {
        List<TopicSpec> declared = TopicCatalog.read(layout.topicsDir());
        try (Admin admin = admin()) {
            int brokers = admin.describeCluster().nodes().get().size();
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> toCreate = new ArrayList<>();
            Map<String, NewPartitions> toGrow = new HashMap<>();
            Map<ConfigResource, Collection<AlterConfigOp>> toAlter = new HashMap<>();
            Map<String, TopicDescription> described = admin.describeTopics(
                    declared.stream().map(TopicSpec::name).filter(existing::contains).toList()).allTopicNames().get();
            for (TopicSpec topic : declared) {
                Map<String, String> config = localConfig(topic, brokers);
                if (!existing.contains(topic.name())) {
                    toCreate.add(new NewTopic(topic.name(), topic.partitions(), (short) Math.min(topic.replicas(), brokers))
                            .configs(config));
                    continue;
                }
                if (described.get(topic.name()).partitions().size() < topic.partitions()) {
                    toGrow.put(topic.name(), NewPartitions.increaseTo(topic.partitions()));
                }
                toAlter.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()), config.entrySet().stream()
                        .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                        .toList());
            }
            admin.createTopics(toCreate).all().get();
            admin.createPartitions(toGrow).all().get();
            if (!toAlter.isEmpty()) {
                admin.incrementalAlterConfigs(toAlter).all().get();
            }
            console.step(name(), declared.size() + " topics declared in kafka-topics/: " + toCreate.size() + " created, "
                    + toGrow.size() + " grown, settings applied to all");
        }
    }

    /**
     * The declared settings, except that min.insync.replicas cannot exceed the replicas a one-node
     * cluster can hold (producers with acks=all would be refused).
     */
    static Map<String, String> localConfig(TopicSpec topic, int brokers) {
        Map<String, String> config = new HashMap<>(topic.config());
        int replicas = Math.min(topic.replicas(), brokers);
        config.computeIfPresent(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                (key, value) -> Integer.toString(Math.min(Integer.parseInt(value), replicas)));
        return config;
    }

    @Override
    protected Duration startTimeout() {
        return Duration.ofMinutes(2);
    }
}

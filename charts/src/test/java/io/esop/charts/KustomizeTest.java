package io.esop.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.esop.charts.Chart.Profile;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders the platform overlays with `kubectl kustomize` and checks they carry exactly the topics of kafka-topics/
 * and what the chart's values point at (Kafka users, databases, the realm, KEDA's authentication).
 */
class KustomizeTest {

    static Stream<Arguments> overlays() {
        return Stream.of(Arguments.of("dev", "esop-dev", Profile.DEV), Arguments.of("prod", "esop", Profile.PROD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theOverlayCarriesExactlyTheDeclaredTopics(String overlay, String namespace, Profile chartProfile) {
        List<JsonNode> rendered = kustomize(overlay);

        Map<String, JsonNode> carried = new TreeMap<>();
        for (JsonNode topic : ofKind(rendered, "KafkaTopic")) {
            carried.put(topic.at("/spec/topicName").asText(), topic);
        }
        Map<String, JsonNode> declared = DeclaredTopics.byTopicName();

        assertThat(carried.keySet()).as("topics of k8s/overlays/%s vs kafka-topics/", overlay).isEqualTo(declared.keySet());
        for (Map.Entry<String, JsonNode> entry : declared.entrySet()) {
            JsonNode expected = entry.getValue();
            JsonNode actual = carried.get(entry.getKey());
            assertThat(actual.path("apiVersion").asText()).isEqualTo("kafka.strimzi.io/v1");
            assertThat(actual.at("/metadata/name").asText()).isEqualTo(expected.at("/metadata/name").asText());
            assertThat(actual.at("/metadata/namespace").asText()).isEqualTo(namespace);
            assertThat(actual.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo("esop");
            assertThat(actual.at("/spec/partitions").asInt()).as(entry.getKey()).isEqualTo(expected.at("/spec/partitions").asInt());
            assertThat(actual.at("/spec/replicas").asInt()).as(entry.getKey()).isEqualTo(expected.at("/spec/replicas").asInt());
            assertThat(configOf(actual)).as(entry.getKey()).isEqualTo(configOf(expected));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theOverlayProvidesWhatTheChartValuesReferTo(String overlay, String namespace, Profile chartProfile) throws IOException {
        List<JsonNode> rendered = kustomize(overlay);
        JsonNode values = Chart.values(chartProfile);
        List<String> enabled = Chart.enabledServices(chartProfile);

        assertThat(rendered).allSatisfy(d -> {
            if (d.path("apiVersion").asText().startsWith("kafka.strimzi.io/")) {
                assertThat(d.path("apiVersion").asText()).isEqualTo("kafka.strimzi.io/v1");
            }
        });
        assertThat(ofKind(rendered, "Kafka")).singleElement()
                .satisfies(k -> assertThat(k.at("/metadata/name").asText()).isEqualTo("esop"));
        List<String> roles = new ArrayList<>();
        ofKind(rendered, "KafkaNodePool").forEach(p -> p.at("/spec/roles").forEach(r -> roles.add(r.asText())));
        assertThat(roles).as("KRaft: controllers and brokers").contains("controller", "broker");
        assertThat(ofKind(rendered, "Namespace")).singleElement()
                .satisfies(n -> assertThat(n.at("/metadata/name").asText()).isEqualTo(namespace));

        Map<String, JsonNode> users = byName(ofKind(rendered, "KafkaUser"));
        Map<String, JsonNode> databases = new TreeMap<>();
        ofKind(rendered, "Database").forEach(d -> databases.put(d.at("/spec/name").asText(), d));
        JsonNode postgres = ofKind(rendered, "Cluster").get(0);
        String roleNames = postgres.at("/spec/managed/roles").findValuesAsText("name").toString();
        for (String service : enabled) {
            JsonNode serviceValues = values.path(service);
            String user = serviceValues.at("/kafka/user").asText();
            assertThat(users).as("KafkaUser of %s", service).containsKey(user);
            if (serviceValues.at("/database/enabled").asBoolean()) {
                String database = serviceValues.at("/database/name").asText();
                assertThat(databases).as("Database of %s", service).containsKey(database);
                assertThat(postgres.at("/metadata/name").asText() + "-rw").isEqualTo(values.at("/postgresql/host").asText());
                assertThat(roleNames).contains(databases.get(database).at("/spec/owner").asText());
            }
            if ("keda".equals(serviceValues.at("/autoscaling/kind").asText())) {
                assertAclsAllowConsuming(users.get(user), serviceValues.at("/autoscaling/keda"), service);
            }
        }

        assertThat(ofKind(rendered, "TriggerAuthentication")).extracting(t -> t.at("/metadata/name").asText())
                .contains(values.at("/keda/authenticationRef/name").asText());
        assertThat(ofKind(rendered, "Service")).extracting(s -> s.at("/metadata/name").asText())
                .contains(values.at("/redis/hosts").asText().replaceAll("^rediss?://([^:/]+).*$", "$1"));

        // the chart's Kafka address, CA and NetworkPolicy port are those of the Strimzi cluster
        JsonNode kafka = ofKind(rendered, "Kafka").get(0);
        String kafkaName = kafka.at("/metadata/name").asText();
        JsonNode listener = kafka.at("/spec/kafka/listeners/0");
        String bootstrap = kafkaName + "-kafka-bootstrap:" + listener.path("port").asInt();
        assertThat(values.at("/kafka/bootstrapServers").asText()).isEqualTo(bootstrap);
        assertThat(values.at("/kafka/tls/enabled").asBoolean()).isEqualTo(listener.path("tls").asBoolean());
        assertThat(values.at("/kafka/tls/caSecret/name").asText()).isEqualTo(kafkaName + "-cluster-ca-cert");
        assertThat(values.at("/kafka/sasl/mechanism").asText().toLowerCase())
                .isEqualTo(listener.at("/authentication/type").asText());
        assertThat(toList(values.at("/networkPolicy/egress/kafka/ports"))).contains(String.valueOf(listener.path("port").asInt()));
        assertThat(values.at("/oidc/authServerUrl").asText())
                .startsWith("http://" + ofKind(rendered, "Keycloak").get(0).at("/metadata/name").asText() + "-service:8080/realms/esop");

        JsonNode realm = byName(ofKind(rendered, "ConfigMap")).get("esop-realm");
        assertThat(realm).as("realm ConfigMap").isNotNull();
        assertThat(realm.at("/data/realm-esop.json").asText())
                .as("the realm is k8s/keycloak/realm-esop.json itself")
                .isEqualTo(Files.readString(Chart.repositoryRoot().resolve("k8s/keycloak/realm-esop.json")));
        JsonNode keycloak = ofKind(rendered, "Keycloak").get(0);
        assertThat(keycloak.toString()).contains("--import-realm").contains("\"name\":\"esop-realm\"");
        assertThat(ofKind(rendered, "Secret")).as("the platform manifests carry no credential").allSatisfy(secret ->
                assertThat(toList(fieldNames(secret.path("data")))).noneMatch(k -> k.matches("(?i).*(password|secret|key|token).*")));
    }

    private static void assertAclsAllowConsuming(JsonNode user, JsonNode keda, String service) {
        JsonNode acls = user.at("/spec/authorization/acls");
        for (JsonNode topic : keda.path("topics")) {
            assertThat(allows(acls, "topic", topic.path("name").asText(), "Read"))
                    .as("%s may read %s", service, topic.path("name").asText()).isTrue();
        }
        assertThat(allows(acls, "group", keda.path("consumerGroup").asText(), "Read"))
                .as("%s may use group %s", service, keda.path("consumerGroup").asText()).isTrue();
    }

    private static boolean allows(JsonNode acls, String type, String name, String operation) {
        for (JsonNode acl : acls) {
            JsonNode resource = acl.path("resource");
            boolean matches = type.equals(resource.path("type").asText())
                    && ("prefix".equals(resource.path("patternType").asText())
                    ? name.startsWith(resource.path("name").asText())
                    : name.equals(resource.path("name").asText()));
            if (matches && toList(acl.path("operations")).contains(operation)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode fieldNames(JsonNode object) {
        var names = Chart.YAML.createArrayNode();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> toList(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static Map<String, String> configOf(JsonNode topic) {
        Map<String, String> config = new TreeMap<>();
        topic.at("/spec/config").fields().forEachRemaining(f -> config.put(f.getKey(), f.getValue().asText()));
        return config;
    }

    private static List<JsonNode> ofKind(List<JsonNode> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    private static Map<String, JsonNode> byName(List<JsonNode> documents) {
        return documents.stream().collect(Collectors.toMap(d -> d.at("/metadata/name").asText(), d -> d, (a, b) -> a, TreeMap::new));
    }

    static List<JsonNode> kustomize(String overlay) {
        Path root = Chart.repositoryRoot();
        Path kubectl = kubectl().orElseThrow(() -> new AssertionError(
                "kubectl is not on PATH; run k8s/install-kubectl.sh (as root it installs Debian's kubectl) and rerun"));
        try {
            Path out = Files.createTempFile("kustomize-" + overlay, ".yaml");
            Path err = Files.createTempFile("kustomize-" + overlay, ".err");
            try {
                Process process = new ProcessBuilder(kubectl.toString(), "kustomize", root.resolve("k8s/overlays/" + overlay).toString())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("kubectl kustomize k8s/overlays/" + overlay + " did not finish in 120 s");
                }
                assertThat(process.exitValue())
                        .as("kubectl kustomize k8s/overlays/%s: %s", overlay, Files.readString(err, StandardCharsets.UTF_8))
                        .isZero();
                return Chart.parse(Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("kubectl kustomize k8s/overlays/" + overlay + " failed to run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static Optional<Path> kubectl() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

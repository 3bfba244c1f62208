package io.esop.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.esop.charts.Chart.Profile;
import io.esop.charts.Chart.Rendered;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What values do: switching services off, rejecting invalid input, and the KEDA settings they carry. */
class ChartValuesTest {

    private static final String SCHEMA_REJECTED = "values don't meet the specifications of the schema";

    @ParameterizedTest
    @ValueSource(strings = {"customer", "opportunity", "order", "sla", "workbench", "simulator"})
    void disablingAServiceRemovesAllItsObjects(String service) {
        // dev enables the simulator too, so every service starts out enabled
        Rendered all = Chart.render(Profile.DEV);
        assertThat(all.ofService(service)).isNotEmpty();

        Rendered without = Chart.render(Profile.DEV, Map.of(service + ".enabled", "false"));

        assertThat(without.ofService(service)).isEmpty();
        String selectorOfService = "\"app.kubernetes.io/name\":\"esop-" + service + "\"";
        assertThat(without.documents()).allSatisfy(d -> assertThat(d.toString()).doesNotContain(selectorOfService));
        assertThat(without.documents()).allSatisfy(d ->
                assertThat(d.at("/metadata/name").asText()).isNotEqualTo(Chart.RELEASE + "-" + service));
        if (service.equals("workbench")) {
            assertThat(without.ofKind("Ingress")).isEmpty();
        }
        for (String other : Chart.SERVICES) {
            if (!other.equals(service)) {
                assertThat(without.workload(other)).as("%s stays", other).isNotNull();
            }
        }
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("a typo in a service key", "customer.replica", "3"),
                Arguments.of("a typo in a top-level key", "ingres.enabled", "true"),
                Arguments.of("a string for a port", "order.port", "http"),
                Arguments.of("a string for a boolean", "sla.enabled", "maybe"),
                Arguments.of("an unknown scaler", "opportunity.autoscaling.kind", "both"),
                Arguments.of("an unknown image variant", "workbench.image.variant", "graal"),
                Arguments.of("zero replicas", "customer.autoscaling.minReplicas", "0"),
                Arguments.of("the latest tag", "image.tag", "latest"),
                Arguments.of("a service's latest tag", "order.image.tag", "latest"),
                Arguments.of("a CPU target above 100 %", "workbench.autoscaling.targetCPUUtilizationPercentage", "150"),
                Arguments.of("an invalid sslmode", "postgresql.sslMode", "on"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidValues")
    void theSchemaRejectsInvalidValues(String what, String key, String value) {
        assertThatThrownBy(() -> Chart.render(Profile.DEFAULT, Map.of(key, value)))
                .hasMessageContaining(SCHEMA_REJECTED);
    }

    @Test
    void kedaMaxReplicasAboveThePartitionsIsRefused() {
        assertThatThrownBy(() -> Chart.render(Profile.PROD, Map.of("opportunity.autoscaling.maxReplicas", "13")))
                .hasMessageContaining("opportunity.autoscaling.maxReplicas (13) is above the 12 partitions of esop.signals.v1");
    }

    @Test
    void aGracePeriodShorterThanTheShutdownIsRefused() {
        assertThatThrownBy(() -> Chart.render(Profile.DEFAULT, Map.of("order.terminationGracePeriodSeconds", "20")))
                .hasMessageContaining("order.terminationGracePeriodSeconds (20) must exceed");
    }

    @Test
    void kedaTopicPartitionsInTheValuesAreTheDeclaredOnes() {
        for (Profile profile : Profile.values()) {
            JsonNode values = Chart.values(profile);
            for (String service : Chart.SERVICES) {
                for (JsonNode topic : values.path(service).at("/autoscaling/keda/topics")) {
                    assertThat(topic.path("partitions").asInt()).as("%s %s %s", profile, service, topic.path("name").asText())
                            .isEqualTo(DeclaredTopics.partitions(topic.path("name").asText()));
                }
            }
        }
    }

    @Test
    void consumerTopicsAndGroupsComeFromValues() {
        Rendered rendered = Chart.render(Profile.DEFAULT, Map.of(
                "order.autoscaling.keda.consumerGroup", "esop-order.progress",
                "order.autoscaling.keda.lagThreshold", "250"));

        JsonNode trigger = rendered.ofService("order", "ScaledObject").get(0).at("/spec/triggers/0/metadata");
        assertThat(trigger.path("consumerGroup").asText()).isEqualTo("esop-order.progress");
        assertThat(trigger.path("topic").asText()).isEqualTo("esop.order-progress.v1");
        assertThat(trigger.path("lagThreshold").asText()).isEqualTo("250");

        JsonNode sla = rendered.ofService("sla", "ScaledObject").get(0);
        assertThat(sla.at("/spec/triggers").findValuesAsText("topic"))
                .containsExactly("esop.opportunities.v1", "esop.orders.v1");
        assertThat(sla.at("/spec/triggers").findValuesAsText("consumerGroup")).containsOnly("esop-sla");
    }

    @Test
    void aServiceCanSwitchBetweenHpaAndKedaButNeverRunsBoth() {
        Rendered rendered = Chart.render(Profile.DEFAULT, Map.of("opportunity.autoscaling.kind", "hpa"));

        assertThat(rendered.ofService("opportunity", "ScaledObject")).isEmpty();
        assertThat(rendered.ofService("opportunity", "HorizontalPodAutoscaler")).hasSize(1);
    }

    @Test
    void aNativeImageGetsTheNativeTagAndNoJvmOptions() {
        Rendered rendered = Chart.render(Profile.DEFAULT, Map.of("customer.image.variant", "native", "image.tag", "1.2.3"));

        JsonNode container = ChartRenderTest.container(rendered, "customer");
        assertThat(container.path("image").asText()).isEqualTo("esop/customer:1.2.3-native");
        assertThat(container.path("env").findValuesAsText("name")).doesNotContain("JAVA_OPTS_APPEND");
        assertThat(ChartRenderTest.container(rendered, "order").path("image").asText()).isEqualTo("esop/order:1.2.3");
    }

    @Test
    void everyValueIsDocumented() throws Exception {
        List<String> lines = java.nio.file.Files.readAllLines(Chart.dir().resolve("values.yaml"));
        List<String> documented = lines.stream().filter(l -> l.trim().startsWith("## @param "))
                .map(l -> l.trim().substring("## @param ".length()).split(" ")[0]).toList();
        // every leaf key (and every map/list value) has its @param line
        for (String service : Chart.SERVICES) {
            assertThat(documented).contains(service + ".enabled", service + ".image.tag", service + ".autoscaling.kind",
                    service + ".autoscaling.keda.topics", service + ".pdb.maxUnavailable", service + ".resources");
        }
        assertThat(undocumentedLeaves(Chart.values(Profile.DEFAULT), "", documented)).isEmpty();
    }

    private static List<String> undocumentedLeaves(JsonNode node, String path, List<String> documented) {
        if (!path.isEmpty() && documented.contains(path)) {
            return List.of();
        }
        if (node.isObject() && node.size() > 0) {
            List<String> missing = new java.util.ArrayList<>();
            node.fields().forEachRemaining(f ->
                    missing.addAll(undocumentedLeaves(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), documented)));
            return missing;
        }
        return List.of(path);
    }
}

package io.esop.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.esop.charts.Chart.Profile;
import io.esop.charts.Chart.Rendered;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Renders the chart for the default, dev and prod values and checks what a platform team would review. */
class ChartRenderTest {

    private static final Set<String> SELECTOR_KEYS = Set.of("app.kubernetes.io/name", "app.kubernetes.io/instance");
    private static final Map<Profile, Rendered> RENDERED = new EnumMap<>(Profile.class);

    private static Rendered rendered(Profile profile) {
        return RENDERED.computeIfAbsent(profile, Chart::render);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void everyEnabledServiceHasItsObjectsAndExactlyOneScaler(Profile profile) {
        Rendered rendered = rendered(profile);
        List<String> enabled = Chart.enabledServices(profile);
        assertThat(enabled).contains("customer", "opportunity", "order", "sla", "workbench");

        for (String service : Chart.SERVICES) {
            if (!enabled.contains(service)) {
                assertThat(rendered.ofService(service)).as("%s is disabled", service).isEmpty();
                continue;
            }
            boolean streams = Chart.values(profile).path(service).at("/kafka/streams").asBoolean();
            assertThat(rendered.workload(service).path("kind").asText()).as("%s workload", service)
                    .isEqualTo(streams ? "StatefulSet" : "Deployment");
            assertThat(rendered.ofService(service, "Service")).as("%s Services (and the pods' headless one)", service)
                    .hasSize(streams ? 2 : 1);
            assertThat(rendered.service(service).at("/spec/type").asText()).isEqualTo("ClusterIP");
            for (String kind : List.of("PodDisruptionBudget", "ServiceAccount", "NetworkPolicy")) {
                assertThat(rendered.ofService(service, kind)).as("%s %s", service, kind).hasSize(1);
            }
            int scalers = rendered.ofService(service, "HorizontalPodAutoscaler").size()
                    + rendered.ofService(service, "ScaledObject").size();
            assertThat(scalers).as("%s: exactly one of HPA and ScaledObject", service).isEqualTo(1);
            assertThat(rendered.workload(service).path("spec").has("replicas"))
                    .as("%s: the autoscaler owns the replica count, an upgrade must not reset it", service)
                    .isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void probesUseTheQuarkusHealthEndpoints(Profile profile) {
        Rendered rendered = rendered(profile);
        for (String service : Chart.enabledServices(profile)) {
            JsonNode container = container(rendered, service);
            assertThat(container.at("/startupProbe/httpGet/path").asText()).as(service).isEqualTo("/q/health/started");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).as(service).isEqualTo("/q/health/live");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).as(service).isEqualTo("/q/health/ready");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(container.path(probe).at("/httpGet/port").asText()).as("%s %s", service, probe).isEqualTo("http");
            }
            assertThat(container.at("/ports/0/name").asText()).isEqualTo("http");
            assertThat(container.at("/ports/0/containerPort").asInt())
                    .isEqualTo(Chart.values(profile).path(service).path("port").asInt());
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void podsRunWithTheRestrictedSecurityContext(Profile profile) {
        Rendered rendered = rendered(profile);
        for (String service : Chart.enabledServices(profile)) {
            JsonNode pod = rendered.workload(service).at("/spec/template/spec");
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(service).isTrue();
            assertThat(pod.at("/securityContext/seccompProfile/type").asText()).as(service).isEqualTo("RuntimeDefault");
            assertThat(pod.path("automountServiceAccountToken").isBoolean()).as(service).isTrue();
            assertThat(pod.path("automountServiceAccountToken").asBoolean()).as(service).isFalse();

            JsonNode security = container(rendered, service).path("securityContext");
            assertThat(security.path("runAsNonRoot").asBoolean()).as(service).isTrue();
            assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(service).isTrue();
            assertThat(security.path("allowPrivilegeEscalation").isBoolean()).as(service).isTrue();
            assertThat(security.path("allowPrivilegeEscalation").asBoolean()).as(service).isFalse();
            assertThat(security.path("privileged").asBoolean()).as(service).isFalse();
            assertThat(texts(security.at("/capabilities/drop"))).as(service).containsExactly("ALL");
            assertThat(texts(security.at("/capabilities/add"))).as(service).isEmpty();

            JsonNode account = rendered.ofService(service, "ServiceAccount").get(0);
            assertThat(account.path("automountServiceAccountToken").asBoolean(true)).as(service).isFalse();
            assertThat(pod.path("serviceAccountName").asText()).isEqualTo(account.at("/metadata/name").asText());

            JsonNode resources = container(rendered, service).path("resources");
            assertThat(resources.at("/requests/cpu").isMissingNode()).as("%s cpu request (the HPA's base)", service).isFalse();
            assertThat(resources.at("/requests/memory").isMissingNode()).as(service).isFalse();
            assertThat(resources.at("/limits/memory").isMissingNode()).as(service).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void selectorsUseOnlyTheImmutableNameAndInstanceLabels(Profile profile) {
        Rendered rendered = rendered(profile);
        for (String service : Chart.enabledServices(profile)) {
            JsonNode workload = rendered.workload(service);
            Map<String, String> selector = Rendered.asMap(workload.at("/spec/selector/matchLabels"));
            assertThat(selector.keySet()).as(service).isEqualTo(SELECTOR_KEYS);
            assertThat(selector).containsEntry("app.kubernetes.io/instance", Chart.RELEASE);
            assertThat(Rendered.asMap(workload.at("/spec/template/metadata/labels"))).containsAllEntriesOf(selector);

            List<JsonNode> selectors = new ArrayList<>();
            rendered.ofService(service, "Service").forEach(s -> selectors.add(s.at("/spec/selector")));
            selectors.add(rendered.ofService(service, "PodDisruptionBudget").get(0).at("/spec/selector/matchLabels"));
            rendered.ofService(service, "NetworkPolicy").forEach(p -> selectors.add(p.at("/spec/podSelector/matchLabels")));
            rendered.ofService(service, "ServiceMonitor").forEach(m -> selectors.add(m.at("/spec/selector/matchLabels")));
            workload.at("/spec/template/spec/topologySpreadConstraints")
                    .forEach(c -> selectors.add(c.at("/labelSelector/matchLabels")));
            for (JsonNode other : selectors) {
                assertThat(Rendered.asMap(other)).as("%s selector", service).isEqualTo(selector);
            }

            String workloadName = workload.at("/metadata/name").asText();
            for (String kind : List.of("HorizontalPodAutoscaler", "ScaledObject")) {
                rendered.ofService(service, kind).forEach(scaler -> {
                    assertThat(scaler.at("/spec/scaleTargetRef/name").asText()).isEqualTo(workloadName);
                    assertThat(scaler.at("/spec/scaleTargetRef/kind").asText()).isEqualTo(workload.path("kind").asText());
                });
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void kedaNeverScalesAboveThePartitionsOfTheConsumedTopics(Profile profile) {
        for (JsonNode scaled : rendered(profile).ofKind("ScaledObject")) {
            int max = scaled.at("/spec/maxReplicaCount").asInt();
            assertThat(scaled.at("/spec/minReplicaCount").asInt()).isBetween(1, max);
            JsonNode triggers = scaled.at("/spec/triggers");
            assertThat(triggers.size()).isPositive();
            for (JsonNode trigger : triggers) {
                assertThat(trigger.path("type").asText()).isEqualTo("kafka");
                JsonNode metadata = trigger.path("metadata");
                String topic = metadata.path("topic").asText();
                assertThat(max).as("%s maxReplicaCount vs %s", scaled.at("/metadata/name").asText(), topic)
                        .isLessThanOrEqualTo(DeclaredTopics.partitions(topic));
                assertThat(metadata.path("consumerGroup").asText()).isNotBlank();
                assertThat(metadata.path("allowIdleConsumers").asText()).isEqualTo("false");
                assertThat(metadata.path("lagThreshold").asText()).matches("[1-9][0-9]*");
            }
            assertThat(scaled.at("/spec/advanced/horizontalPodAutoscalerConfig/behavior/scaleDown/stabilizationWindowSeconds")
                    .asInt()).isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void cpuScaledServicesUseAutoscalingV2WithScaleDownStabilisation(Profile profile) {
        for (JsonNode hpa : rendered(profile).ofKind("HorizontalPodAutoscaler")) {
            assertThat(hpa.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
            assertThat(hpa.at("/spec/metrics/0/resource/name").asText()).isEqualTo("cpu");
            assertThat(hpa.at("/spec/metrics/0/resource/target/averageUtilization").asInt()).isBetween(10, 100);
            assertThat(hpa.at("/spec/behavior/scaleDown/stabilizationWindowSeconds").asInt()).isPositive();
            assertThat(hpa.at("/spec/minReplicas").asInt()).isLessThanOrEqualTo(hpa.at("/spec/maxReplicas").asInt());
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void gracefulShutdownOutlastsTheConsumersClose(Profile profile) {
        Rendered rendered = rendered(profile);
        for (String service : Chart.enabledServices(profile)) {
            JsonNode pod = rendered.workload(service).at("/spec/template/spec");
            JsonNode container = container(rendered, service);
            int shutdown = Integer.parseInt(env(container, "QUARKUS_SHUTDOWN_TIMEOUT").path("value").asText().replace("s", ""));
            int preStop = container.at("/lifecycle/preStop/sleep/seconds").asInt(0);
            assertThat(pod.path("terminationGracePeriodSeconds").asInt()).as(service).isGreaterThan(shutdown + preStop);
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void connectionSettingsComeFromValuesAndCredentialsOnlyFromSecretReferences(Profile profile) {
        Rendered rendered = rendered(profile);
        assertThat(rendered.ofKind("Secret")).as("the chart never carries a credential").isEmpty();
        JsonNode values = Chart.values(profile);
        for (String service : Chart.enabledServices(profile)) {
            JsonNode container = container(rendered, service);
            assertThat(env(container, "KAFKA_BOOTSTRAP_SERVERS").path("value").asText())
                    .isEqualTo(values.at("/kafka/bootstrapServers").asText());
            for (JsonNode variable : container.path("env")) {
                String name = variable.path("name").asText();
                if (name.matches(".*(PASSWORD|SECRET|JAAS|USERNAME).*")) {
                    assertThat(variable.has("value")).as("%s %s must not be inline", service, name).isFalse();
                    assertThat(variable.at("/valueFrom/secretKeyRef/name").asText()).as("%s %s", service, name).isNotBlank();
                }
            }
            if (values.path(service).at("/database/enabled").asBoolean()) {
                assertThat(env(container, "QUARKUS_DATASOURCE_REACTIVE_URL").path("value").asText())
                        .startsWith("postgresql://" + values.at("/postgresql/host").asText() + ":")
                        .contains("/" + values.path(service).at("/database/name").asText());
                assertThat(env(container, "QUARKUS_DATASOURCE_JDBC_URL").path("value").asText()).startsWith("jdbc:postgresql://");
                assertThat(env(container, "QUARKUS_DATASOURCE_PASSWORD").at("/valueFrom/secretKeyRef/name").asText())
                        .isEqualTo(values.path(service).at("/database/existingSecret").asText());
            }
            if (values.path(service).at("/redis/enabled").asBoolean()) {
                assertThat(env(container, "QUARKUS_REDIS_HOSTS").path("value").asText()).isEqualTo(values.at("/redis/hosts").asText());
            }
            if (values.path(service).at("/oidc/enabled").asBoolean()) {
                assertThat(env(container, "QUARKUS_OIDC_AUTH_SERVER_URL").path("value").asText())
                        .isEqualTo(values.at("/oidc/authServerUrl").asText());
            }
        }
        assertThat(env(container(rendered, "workbench"), "QUARKUS_OIDC_CREDENTIALS_SECRET").at("/valueFrom/secretKeyRef/name").asText())
                .isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void onlyTheWorkbenchIsReachableFromTheIngress(Profile profile) {
        Rendered rendered = rendered(profile);
        for (JsonNode ingress : rendered.ofKind("Ingress")) {
            assertThat(ingress.at("/metadata/labels/app.kubernetes.io~1component").asText()).isEqualTo("workbench");
            assertThat(ingress.at("/spec/tls/0/secretName").asText()).isNotBlank();
            for (JsonNode path : ingress.at("/spec/rules/0/http/paths")) {
                assertThat(path.at("/backend/service/name").asText()).isEqualTo(Chart.RELEASE + "-workbench");
            }
        }
        String ingressNamespace = Chart.values(profile).at("/networkPolicy/ingressController/namespaceSelector").toString();
        for (JsonNode policy : rendered.ofKind("NetworkPolicy")) {
            String service = policy.at("/metadata/labels/app.kubernetes.io~1component").asText();
            boolean fromIngress = StreamSupport.stream(policy.at("/spec/ingress").spliterator(), false)
                    .flatMap(rule -> StreamSupport.stream(rule.path("from").spliterator(), false))
                    .anyMatch(peer -> peer.path("namespaceSelector").toString().equals(ingressNamespace));
            assertThat(fromIngress).as("%s reachable from the ingress controller", service).isEqualTo(service.equals("workbench"));
            assertThat(texts(policy.at("/spec/policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void aKafkaStreamsServiceIsAStatefulSetWhosePodsAreItsStableMembersAndPeers(Profile profile) {
        Rendered rendered = rendered(profile);
        JsonNode sla = rendered.workload("sla");
        assertThat(sla.path("kind").asText()).isEqualTo("StatefulSet");
        assertThat(sla.path("spec").has("strategy")).as("a Deployment's field").isFalse();
        assertThat(sla.at("/spec/podManagementPolicy").asText()).isEqualTo("Parallel");
        assertThat(sla.at("/spec/template/spec/topologySpreadConstraints/0/matchLabelKeys").toString())
                .contains("controller-revision-hash");

        // the headless Service names the pods; the pod's name is its member id and part of its address
        String pods = sla.at("/spec/serviceName").asText();
        JsonNode headless = rendered.ofService("sla", "Service").stream()
                .filter(s -> s.at("/metadata/name").asText().equals(pods)).findFirst().orElseThrow();
        assertThat(headless.at("/spec/clusterIP").asText()).isEqualTo("None");
        assertThat(headless.at("/spec/publishNotReadyAddresses").asBoolean()).isTrue();
        JsonNode container = container(rendered, "sla");
        assertThat(env(container, "POD_NAME").at("/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("metadata.name");
        assertThat(env(container, "ESOP_SLA_INSTANCE_ID").path("value").asText()).isEqualTo("$(POD_NAME)");
        int port = Chart.values(profile).at("/sla/port").asInt();
        assertThat(env(container, "ESOP_SLA_ADVERTISED_ADDRESS").path("value").asText())
                .isEqualTo("$(POD_NAME)." + pods + "." + Chart.NAMESPACE + ".svc:" + port);

        // its state on a volume of its own, where the service keeps it
        JsonNode claim = sla.at("/spec/volumeClaimTemplates/0");
        assertThat(claim.at("/metadata/name").asText()).isEqualTo("kafka-streams-state");
        assertThat(claim.at("/spec/resources/requests/storage").asText())
                .isEqualTo(Chart.values(profile).at("/sla/kafka/stateSize").asText());
        String stateDir = env(container, "ESOP_SLA_STATE_DIR").path("value").asText();
        assertThat(StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
                .filter(m -> m.path("name").asText().equals("kafka-streams-state"))
                .map(m -> m.path("mountPath").asText())).containsExactly(stateDir);
        assertThat(sla.at("/spec/template/spec/volumes").findValuesAsText("name")).doesNotContain("kafka-streams-state");
        assertThat(sla.at("/spec/template/spec/securityContext/fsGroup").isInt())
                .as("a claimed volume is root's unless the pod's group owns it; the service runs as non-root").isTrue();

        // the peers may call each other (the default-deny policy would drop a forwarded query)
        JsonNode policy = rendered.ofService("sla", "NetworkPolicy").get(0);
        Map<String, String> self = Rendered.asMap(sla.at("/spec/selector/matchLabels"));
        assertThat(StreamSupport.stream(policy.at("/spec/ingress").spliterator(), false)
                .filter(rule -> StreamSupport.stream(rule.path("from").spliterator(), false)
                        .anyMatch(peer -> Rendered.asMap(peer.at("/podSelector/matchLabels")).equals(self)))
                .toList()).as("ingress from its own pods").hasSize(1);
        assertThat(StreamSupport.stream(policy.at("/spec/egress").spliterator(), false)
                .filter(rule -> StreamSupport.stream(rule.path("to").spliterator(), false)
                        .anyMatch(peer -> Rendered.asMap(peer.at("/podSelector/matchLabels")).equals(self)))
                .map(rule -> rule.at("/ports/0/port").asInt()).toList()).as("egress to its own pods").containsExactly(port);

        // every other service stays a Deployment
        Chart.enabledServices(profile).stream().filter(s -> !s.equals("sla"))
                .forEach(s -> assertThat(rendered.workload(s).path("kind").asText()).as(s).isEqualTo("Deployment"));
    }

    @Test
    void eachServiceMonitorScrapesEachPodOnceNotAgainThroughTheHeadlessService() {
        Rendered rendered = rendered(Profile.PROD);
        for (JsonNode monitor : rendered.ofKind("ServiceMonitor")) {
            Map<String, String> labels = Rendered.asMap(monitor.at("/spec/selector/matchLabels"));
            List<String> excluded = StreamSupport.stream(monitor.at("/spec/selector/matchExpressions").spliterator(), false)
                    .filter(e -> e.path("operator").asText().equals("DoesNotExist"))
                    .map(e -> e.path("key").asText()).toList();
            List<JsonNode> selected = rendered.ofKind("Service").stream().filter(service -> {
                Map<String, String> has = Rendered.asMap(service.at("/metadata/labels"));
                return has.entrySet().containsAll(labels.entrySet()) && excluded.stream().noneMatch(has::containsKey);
            }).toList();
            assertThat(selected).as(monitor.at("/metadata/name").asText()).hasSize(1);
            assertThat(selected.get(0).at("/spec/clusterIP").asText()).isNotEqualTo("None");
        }
    }

    @Test
    void prodRunsImmutableNativeImagesOnThreeOrMoreReplicasWithKedaForConsumers() {
        Rendered rendered = rendered(Profile.PROD);
        for (String service : Chart.enabledServices(Profile.PROD)) {
            String image = container(rendered, service).path("image").asText();
            String tag = image.substring(image.lastIndexOf(':') + 1);
            assertThat(image).as(service).contains(":");
            assertThat(tag).as(service).doesNotStartWith("latest").endsWith("-native");
            assertThat(container(rendered, service).path("env").findValuesAsText("name")).doesNotContain("JAVA_OPTS_APPEND");

            rendered.ofService(service, "HorizontalPodAutoscaler")
                    .forEach(h -> assertThat(h.at("/spec/minReplicas").asInt()).as(service).isGreaterThanOrEqualTo(3));
            rendered.ofService(service, "ScaledObject")
                    .forEach(s -> assertThat(s.at("/spec/minReplicaCount").asInt()).as(service).isGreaterThanOrEqualTo(3));
        }
        for (String consumer : List.of("opportunity", "order", "sla")) {
            assertThat(rendered.ofService(consumer, "ScaledObject")).as(consumer).hasSize(1);
        }
        for (String rest : List.of("customer", "workbench")) {
            assertThat(rendered.ofService(rest, "HorizontalPodAutoscaler")).as(rest).hasSize(1);
        }
        assertThat(rendered.ofService("simulator")).isEmpty();
        assertThat(rendered.ofKind("ServiceMonitor")).hasSize(5);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void noProfileUsesAMutableTag(Profile profile) {
        Rendered rendered = rendered(profile);
        for (String service : Chart.enabledServices(profile)) {
            String image = container(rendered, service).path("image").asText();
            assertThat(image).as(service).matches("[^:]+:[A-Za-z0-9_][A-Za-z0-9_.-]*(@sha256:[a-f0-9]{64})?");
            assertThat(image).doesNotContain(":latest");
        }
    }

    static JsonNode container(Rendered rendered, String service) {
        JsonNode containers = rendered.workload(service).at("/spec/template/spec/containers");
        assertThat(containers.size()).as(service).isEqualTo(1);
        return containers.get(0);
    }

    static JsonNode env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (name.equals(variable.path("name").asText())) {
                return variable;
            }
        }
        throw new AssertionError("no env " + name + " in " + container.path("name").asText());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}

package io.esop.charts;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The chart under test, rendered and linted through helm-java (Helm's own Go code, so the result is what
 * `helm template` and `helm lint` give an operator).
 */
final class Chart {

    static final List<String> SERVICES = List.of("customer", "opportunity", "order", "sla", "workbench", "simulator");
    static final String RELEASE = "esop";
    static final String NAMESPACE = "esop";

    static final ObjectMapper YAML = new YAMLMapper();

    /** A values set as an operator passes it: the chart's defaults, optionally one overlay file, then --set pairs. */
    enum Profile {
        DEFAULT(null), DEV("values-dev.yaml"), PROD("values-prod.yaml");

        final String file;

        Profile(String file) {
            this.file = file;
        }
    }

    private Chart() {
    }

    static Path dir() {
        Path chart = Path.of("esop").toAbsolutePath();
        if (!Files.isRegularFile(chart.resolve("Chart.yaml"))) {
            throw new IllegalStateException("run from charts/: no Chart.yaml in " + chart);
        }
        return chart;
    }

    static Path repositoryRoot() {
        return dir().getParent().getParent();
    }

    /** Renders the chart; throws IllegalStateException with Helm's message when rendering fails (schema, fail). */
    static Rendered render(Profile profile, Map<String, Object> sets) {
        TemplateCommand command = new Helm(dir()).template().withName(RELEASE).withNamespace(NAMESPACE);
        if (profile.file != null) {
            command = command.withValuesFile(dir().resolve(profile.file));
        }
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            command = command.set(set.getKey(), set.getValue());
        }
        return new Rendered(parse(command.call()));
    }

    static Rendered render(Profile profile) {
        return render(profile, Map.of());
    }

    static List<JsonNode> parse(String manifests) {
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(manifests)) {
            Iterator<JsonNode> it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode document = it.next();
                if (document != null && document.isObject() && document.has("kind")) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    /**
     * `helm lint --strict` for a profile. helm-java lints with the chart's own values.yaml only, so an overlay
     * is linted on a copy of the chart whose values.yaml is the merge Helm itself would compute.
     */
    static LintResult lint(Profile profile, Path workDir) throws IOException {
        Path chart = dir();
        if (profile.file != null) {
            Path copy = workDir.resolve("esop");
            copyTree(chart, copy);
            YAML.writeValue(copy.resolve("values.yaml").toFile(), values(profile));
            chart = copy;
        }
        return new Helm(chart).lint().strict().call();
    }

    /** The values a profile resolves to (values.yaml deep-merged with the overlay, maps merged, lists replaced). */
    static JsonNode values(Profile profile) {
        try {
            JsonNode values = YAML.readTree(dir().resolve("values.yaml").toFile());
            if (profile.file != null) {
                merge((ObjectNode) values, YAML.readTree(dir().resolve(profile.file).toFile()));
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> enabledServices(Profile profile) {
        JsonNode values = values(profile);
        return SERVICES.stream().filter(s -> values.path(s).path("enabled").asBoolean()).toList();
    }

    private static void merge(ObjectNode target, JsonNode overlay) {
        overlay.fields().forEachRemaining(field -> {
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue().isObject()) {
                merge(existingObject, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        });
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    /** Rendered manifests with the look-ups the tests need. */
    record Rendered(List<JsonNode> documents) {

        List<JsonNode> ofKind(String kind) {
            return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
        }

        /** Objects of one service, found by the component label every object of the chart carries. */
        List<JsonNode> ofService(String service) {
            return documents.stream()
                    .filter(d -> service.equals(d.path("metadata").path("labels").path("app.kubernetes.io/component").asText()))
                    .toList();
        }

        List<JsonNode> ofService(String service, String kind) {
            return ofService(service).stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
        }

        /** The service's one workload: its Deployment, or its StatefulSet (a Kafka Streams service). */
        JsonNode workload(String service) {
            List<JsonNode> workloads = ofService(service).stream()
                    .filter(d -> List.of("Deployment", "StatefulSet").contains(d.path("kind").asText()))
                    .toList();
            if (workloads.size() != 1) {
                throw new AssertionError(service + ": expected one Deployment or StatefulSet, found " + workloads.size());
            }
            return workloads.get(0);
        }

        /** The Service in front of the service's pods (not the headless one that names a StatefulSet's pods). */
        JsonNode service(String service) {
            List<JsonNode> services = ofService(service, "Service").stream()
                    .filter(s -> !"None".equals(s.at("/spec/clusterIP").asText()))
                    .toList();
            if (services.size() != 1) {
                throw new AssertionError(service + ": expected one Service, found " + services.size());
            }
            return services.get(0);
        }

        static Map<String, String> asMap(JsonNode node) {
            return YAML.convertValue(node, new TypeReference<>() {
            });
        }
    }
}

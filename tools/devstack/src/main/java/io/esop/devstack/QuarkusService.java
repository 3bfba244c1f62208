package io.esop.devstack;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A Quarkus service of the reactor (services/NAME, or a tool such as tools/simulator), run from its
 * packaged {@code target/quarkus-app} with the demo data switched on. A module is a service when it
 * has {@code src/main/resources/application.properties} with a {@code quarkus.http.port}.
 */
final class QuarkusService extends ServerComponent {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path module;
    private final int port;

    QuarkusService(Layout layout, Path module, int port) {
        super(layout, module.getFileName().toString());
        this.module = module;
        this.port = port;
    }

    /** Every service and tool that is a module of the reactor, in folder order. */
    static List<QuarkusService> discover(Layout layout) {
        List<QuarkusService> services = new ArrayList<>();
        String reactor = reactorPom(layout);
        for (Path parent : List.of(layout.services(), layout.root().resolve("tools"))) {
            try (Stream<Path> modules = Files.list(parent)) {
                for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                    String name = layout.root().relativize(module).toString();
                    if (!reactor.contains("<module>" + name + "</module>")) {
                        continue; // a folder being written, not part of the build yet
                    }
                    httpPort(module).ifPresent(port -> services.add(new QuarkusService(layout, module, port)));
                }
            } catch (IOException e) {
                throw new StackException("cannot list " + parent + ": " + e.getMessage(), e);
            }
        }
        return services;
    }

    private static String reactorPom(Layout layout) {
        try {
            return Files.readString(layout.root().resolve("pom.xml"));
        } catch (IOException e) {
            throw new StackException("cannot read the reactor's pom.xml: " + e.getMessage(), e);
        }
    }

    static Optional<Integer> httpPort(Path module) {
        Path properties = module.resolve("src/main/resources/application.properties");
        if (!Files.exists(properties)) {
            return Optional.empty();
        }
        Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(properties)) {
            loaded.load(reader);
        } catch (IOException e) {
            throw new StackException("cannot read " + properties + ": " + e.getMessage(), e);
        }
        String port = loaded.getProperty("quarkus.http.port");
        if (port == null) {
            return Optional.empty();
        }
        // ${ENV:8081} style values: take the default
        String value = port.replaceAll("^\\$\\{[^:}]*:?([0-9]*)}$", "$1");
        return value.isBlank() ? Optional.empty() : Optional.of(Integer.parseInt(value.trim()));
    }

    Path runner() {
        return module.resolve("target/quarkus-app/quarkus-run.jar");
    }

    @Override
    int port() {
        return port;
    }

    @Override
    String endpoint() {
        return "http://localhost:" + port + "  (OpenAPI /q/openapi, health /q/health)";
    }

    @Override
    protected void install(Console console) {
        if (!Files.exists(runner())) {
            throw new StackException(name() + " is not packaged (" + layout.root().relativize(runner())
                    + " is missing): ./esop up builds it; or run ./mvnw package -DskipTests -pl "
                    + layout.root().relativize(module) + " -am");
        }
    }

    @Override
    protected List<String> command() {
        return List.of(Main.javaExecutable(), "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-jar", runner().toString());
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("ESOP_DEMO_DATA", "true");
    }

    @Override
    boolean healthy() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

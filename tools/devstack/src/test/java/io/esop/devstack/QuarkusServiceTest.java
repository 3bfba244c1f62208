package io.esop.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuarkusServiceTest {

    @Test
    void aReactorModuleIsAServiceWhenItsPropertiesSetAnHttpPort(@TempDir Path root) throws IOException {
        module(root, "services/customer", "quarkus.http.port=8081\nquarkus.http.test-port=0\n");
        module(root, "services/order", "quarkus.http.port=${ESOP_ORDER_PORT:8083}\n");
        module(root, "services/eventing", "quarkus.datasource.db-kind=postgresql\n");
        Files.createDirectories(root.resolve("services/contracts"));
        module(root, "tools/simulator", "quarkus.http.port=8089\n");
        Files.createDirectories(root.resolve("tools/devstack"));
        module(root, "services/half-written", "quarkus.http.port=8099\n");
        Files.writeString(root.resolve("pom.xml"), """
                <modules>
                  <module>services/contracts</module>
                  <module>services/customer</module>
                  <module>services/order</module>
                  <module>services/eventing</module>
                  <module>tools/simulator</module>
                  <module>tools/devstack</module>
                </modules>
                """);

        var services = QuarkusService.discover(Layout.detectFrom(root));

        assertThat(services).extracting(ServerComponent::name).containsExactly("customer", "order", "simulator");
        assertThat(services).extracting(ServerComponent::port).containsExactly(8081, 8083, 8089);
    }

    private static void module(Path root, String folder, String properties) throws IOException {
        Path resources = Files.createDirectories(root.resolve(folder).resolve("src/main/resources"));
        Files.writeString(resources.resolve("application.properties"), properties);
    }
}

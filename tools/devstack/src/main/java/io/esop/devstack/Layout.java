package io.esop.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the local stack keeps its files. Everything lives under {@code .esop/} in the repository
 * root (git-ignored): binaries unpacked from Maven artifacts, server data that survives
 * {@code down}/{@code up}, logs and pid files.
 */
public record Layout(Path root, Path home, Path distributions) {
    // distributions: tools/devstack/target, holding lib/ (runtime classpath) and dist/ (Keycloak zip)

    public static Layout detect() {
        return detectFrom(Path.of(System.getProperty("esop.root", ".")));
    }

    public static Layout detectFrom(Path repositoryRoot) {
        Path root = repositoryRoot.toAbsolutePath().normalize();
        return new Layout(root, root.resolve(".esop"), root.resolve("tools/devstack/target"));
    }

    public Path bin() {
        return home.resolve("bin");
    }

    public Path data(String component) {
        return ensure(home.resolve("data").resolve(component));
    }

    public Path logs() {
        return ensure(home.resolve("logs"));
    }

    public Path log(String component) {
        return logs().resolve(component + ".log");
    }

    public Path run() {
        return ensure(home.resolve("run"));
    }

    public Path config(String component) {
        return ensure(home.resolve("config").resolve(component));
    }

    public Path libs() {
        return distributions.resolve("lib");
    }

    public Path topicsDir() {
        return root.resolve("kafka-topics");
    }

    public Path realmFile() {
        return root.resolve("k8s/keycloak/realm-esop.json");
    }

    public Path services() {
        return root.resolve("services");
    }

    static Path ensure(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

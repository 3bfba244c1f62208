package io.esop.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the local stack keeps its files. Everything lives under {@code .esop/} in the repository
 * root (git-ignored): binaries unpacked from Maven artifacts, server data that survives
 * {@code down}/{@code up}, logs and pid files.
 */
public record Layout(Path root, Path home, Path distributions) {

    public static Layout detect() {
        Path root = Path.of(System.getProperty("esop.root", ".")).toAbsolutePath().normalize();
        return new Layout(root, root.resolve(".esop"), devstackTarget());
    }

    /** The folder holding esop-devstack.jar, lib/ and dist/ (tools/devstack/target). */
    private static Path devstackTarget() {
        try {
            Path jar = Path.of(Layout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isDirectory(jar) ? jar.getParent() : jar.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
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

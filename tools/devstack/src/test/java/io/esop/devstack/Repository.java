package io.esop.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root, for tests that read the project's own declarations. */
final class Repository {

    private Repository() {
    }

    static Path root() {
        Path dir = Path.of(System.getProperty("esop.root", ".")).toAbsolutePath().normalize();
        while (dir != null && !Files.isDirectory(dir.resolve("kafka-topics"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root (a folder with kafka-topics/)");
        }
        return dir;
    }
}

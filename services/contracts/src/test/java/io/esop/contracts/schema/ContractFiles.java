package io.esop.contracts.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the generated files live, and whether this run may rewrite them. */
final class ContractFiles {

    /** Run from the repository root. */
    static final String WRITE_COMMAND = "mvn -pl services/contracts test -Dschemas.write=true";
    static final String WRITE_BREAKING_COMMAND = WRITE_COMMAND + " -Dschemas.allowBreaking=true";
    static final String REFLECT_CONFIG =
            "src/main/resources/META-INF/native-image/io.esop/esop-contracts/reflect-config.json";

    private ContractFiles() {
    }

    /** The module directory: passed by Surefire, else the working directory (Surefire's default). */
    static Path moduleDir() {
        String configured = System.getProperty("esop.contracts.dir");
        Path dir = (configured == null || configured.isBlank() ? Path.of("") : Path.of(configured)).toAbsolutePath();
        if (!Files.isRegularFile(dir.resolve("pom.xml"))
                || !Files.isDirectory(dir.resolve("src/main/java/io/esop/contracts"))) {
            throw new IllegalStateException("not the services/contracts module: " + dir
                    + " (set -Desop.contracts.dir)");
        }
        return dir;
    }

    static Path schemasDir() {
        return moduleDir().resolve("schemas");
    }

    static Path reflectConfig() {
        return moduleDir().resolve(REFLECT_CONFIG);
    }

    /** -Dschemas.write=true: rewrite stale and missing files instead of failing. */
    static boolean writeMode() {
        return Boolean.parseBoolean(System.getProperty("schemas.write", "false").trim());
    }

    /** -Dschemas.allowBreaking=true: with write mode, also overwrite schemas incompatibly. */
    static boolean allowBreaking() {
        return Boolean.parseBoolean(System.getProperty("schemas.allowBreaking", "false").trim());
    }

    /** The path as a reader finds it from the repository root. */
    static String display(Path file) {
        return "services/contracts/" + moduleDir().relativize(file).toString().replace('\\', '/');
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

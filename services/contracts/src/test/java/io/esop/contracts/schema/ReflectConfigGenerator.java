package io.esop.contracts.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.esop.contracts.EventTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Generates the GraalVM reflection configuration for every record and enum of the contracts module, so
 * that a native service can (de)serialize them with Jackson without registering them itself.
 */
public final class ReflectConfigGenerator {

    private static final String ROOT_PACKAGE = "io/esop/contracts";

    /** Every record and enum compiled from src/main/java, by name. */
    public static List<Class<?>> contractTypes() {
        Path classes = mainClassesDir();
        Path root = classes.resolve(ROOT_PACKAGE);
        try (Stream<Path> files = Files.walk(root)) {
            return files
                    .filter(file -> file.getFileName().toString().endsWith(".class"))
                    .map(file -> classes.relativize(file).toString().replace('\\', '/'))
                    .filter(name -> !name.endsWith("package-info.class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .map(ReflectConfigGenerator::load)
                    .filter(type -> type.isRecord() || type.isEnum())
                    .sorted(Comparator.comparing(Class::getName))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content of reflect-config.json. */
    public String generate() {
        ArrayNode entries = JsonNodeFactory.instance.arrayNode();
        for (Class<?> type : contractTypes()) {
            ObjectNode entry = entries.addObject();
            entry.put("name", type.getName());
            entry.put("allDeclaredConstructors", true);
            entry.put("allPublicConstructors", true);
            entry.put("allDeclaredMethods", true);
            entry.put("allPublicMethods", true);
            entry.put("allDeclaredFields", true);
            entry.put("allPublicFields", true);
        }
        return new SchemaGenerator().render(entries);
    }

    private static Path mainClassesDir() {
        try {
            Path location = Path.of(EventTypes.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isDirectory(location)) {
                throw new IllegalStateException("contracts classes are not a directory (run inside the module): "
                        + location);
            }
            return location;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ReflectConfigGenerator.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}

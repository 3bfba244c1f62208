package io.esop.contracts.schema;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.esop.contracts.EventType;
import io.esop.contracts.EventTypes;
import io.esop.contracts.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The build's guard on the committed schemas and the native-image configuration: each must equal what
 * the records generate, and a schema may only change compatibly.
 *
 * <p>{@code mvn -pl services/contracts test -Dschemas.write=true} rewrites missing and stale files but
 * refuses incompatible ones; {@code -Dschemas.allowBreaking=true} overrides that.
 */
class SchemaCompatibilityTest {

    private final SchemaGenerator generator = new SchemaGenerator();

    @TestFactory
    Stream<DynamicTest> everyEventTypeHasACurrentCompatibleSchema() {
        SchemaCheck check = new SchemaCheck(ContractFiles.schemasDir(), "services/contracts/schemas",
                ContractFiles.writeMode(), ContractFiles.allowBreaking());
        return EventTypes.ALL.stream().map(type -> dynamicTest(type.name(), () -> {
            String generated = generator.render(generator.schemaOf(type, Samples.of(type)));
            SchemaCheck.Result result = check.check(type, generated);
            if (result.failed()) {
                fail(result.message());
            }
        }));
    }

    @Test
    void everyCommittedSchemaBelongsToAnEventType() throws IOException {
        Path dir = ContractFiles.schemasDir();
        List<Path> orphans;
        try (Stream<Path> files = Files.list(dir)) {
            orphans = files
                    .filter(file -> file.getFileName().toString().endsWith(".schema.json"))
                    .filter(file -> EventTypes.byName(eventTypeName(file)).isEmpty())
                    .sorted()
                    .toList();
        }
        if (orphans.isEmpty()) {
            return;
        }
        if (ContractFiles.writeMode() && ContractFiles.allowBreaking()) {
            for (Path orphan : orphans) {
                Files.delete(orphan);
            }
            return;
        }
        fail("committed schemas without an event type in EventTypes: "
                + orphans.stream().map(ContractFiles::display).toList()
                + ". Removing a published event type breaks its consumers: keep it in EventTypes. Only if it was "
                + "never released, delete its schema with `" + ContractFiles.WRITE_BREAKING_COMMAND + "`.");
    }

    @Test
    void nativeImageReflectConfigIsCurrent() {
        Path file = ContractFiles.reflectConfig();
        String generated = new ReflectConfigGenerator().generate();
        if (Files.exists(file) && ContractFiles.read(file).equals(generated)) {
            return;
        }
        if (ContractFiles.writeMode()) {
            ContractFiles.write(file, generated);
            return;
        }
        fail((Files.exists(file) ? "stale: regenerate. " : "missing: ") + ContractFiles.display(file)
                + " does not register exactly the records and enums of the contracts. Regenerate it with `"
                + ContractFiles.WRITE_COMMAND + "` (from the repository root) and commit it.");
    }

    @Test
    void everyEventTypeIsChecked() {
        assertFalse(EventTypes.ALL.isEmpty());
        for (EventType<?> type : EventTypes.ALL) {
            Samples.of(type); // fails when a new event type has no sample
        }
    }

    private static String eventTypeName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".schema.json".length());
    }
}

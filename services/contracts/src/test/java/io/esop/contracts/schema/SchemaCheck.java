package io.esop.contracts.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.esop.contracts.EsopJson;
import io.esop.contracts.EventType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks one generated schema against its committed file and, in write mode, updates the file when that
 * is allowed. Kept apart from the JUnit test so that its verdicts can be tested on a scratch directory.
 */
final class SchemaCheck {

    enum Status {
        /** Committed file equals the generated schema. */
        CURRENT,
        /** Write mode wrote the file. */
        WRITTEN,
        /** No committed file. */
        MISSING,
        /** Compatible but different: regenerate. */
        STALE,
        /** Incompatible with the committed file; never written unless breaking changes are allowed. */
        BREAKING
    }

    record Result(Status status, List<SchemaComparator.Change> changes, String message) {

        boolean failed() {
            return status == Status.MISSING || status == Status.STALE || status == Status.BREAKING;
        }
    }

    private final Path dir;
    private final String displayDir;
    private final boolean write;
    private final boolean allowBreaking;
    private final SchemaComparator comparator = new SchemaComparator();
    private final ObjectMapper mapper = EsopJson.newObjectMapper();

    SchemaCheck(Path dir, String displayDir, boolean write, boolean allowBreaking) {
        this.dir = dir;
        this.displayDir = displayDir;
        this.write = write;
        this.allowBreaking = allowBreaking;
    }

    Result check(EventType<?> type, String generated) {
        Path file = dir.resolve(type.schemaFileName());
        String shown = displayDir + "/" + type.schemaFileName();
        if (!Files.exists(file)) {
            if (write) {
                ContractFiles.write(file, generated);
                return new Result(Status.WRITTEN, List.of(), "wrote " + shown);
            }
            return new Result(Status.MISSING, List.of(), type.name() + ": the schema " + shown + " is not committed. "
                    + "Write it with `" + ContractFiles.WRITE_COMMAND + "` (from the repository root) and commit it.");
        }
        String committed = ContractFiles.read(file);
        if (committed.equals(generated)) {
            return new Result(Status.CURRENT, List.of(), type.name() + ": current");
        }
        List<SchemaComparator.Change> changes;
        try {
            changes = comparator.compare(mapper.readTree(committed), mapper.readTree(generated));
        } catch (JsonProcessingException e) {
            return new Result(Status.BREAKING, List.of(), type.name() + ": the committed schema " + shown
                    + " is not valid JSON (" + e.getOriginalMessage() + "). Restore it from version control.");
        }
        List<SchemaComparator.Change> breaking = changes.stream().filter(SchemaComparator.Change::breaking).toList();
        if (!breaking.isEmpty()) {
            if (write && allowBreaking) {
                ContractFiles.write(file, generated);
                return new Result(Status.WRITTEN, changes, "overwrote " + shown + " INCOMPATIBLY: " + breaking);
            }
            return new Result(Status.BREAKING, changes, breakingMessage(type, shown, breaking));
        }
        if (write) {
            ContractFiles.write(file, generated);
            return new Result(Status.WRITTEN, changes, "regenerated " + shown);
        }
        return new Result(Status.STALE, changes, type.name() + ": stale: regenerate. " + shown
                + " differs from the schema generated from " + type.payload().getName() + " in compatible ways: "
                + (changes.isEmpty() ? "descriptions, examples or layout" : list(changes))
                + ". Regenerate with `" + ContractFiles.WRITE_COMMAND + "` (from the repository root) and commit it.");
    }

    private String breakingMessage(EventType<?> type, String shown, List<SchemaComparator.Change> breaking) {
        return type.name() + ": INCOMPATIBLE change to the committed schema " + shown + " (from "
                + type.payload().getName() + "):" + list(breaking)
                + "\nConsumers and stored events still use " + type.name() + ". Leave its record as it was and "
                + "introduce a new event type " + nextVersion(type.name()) + " (a new record and a new EventTypes "
                + "constant) instead."
                + (write
                        ? "\nschemas.write refused to overwrite it. Only if " + type.name() + " was never released: `"
                        + ContractFiles.WRITE_BREAKING_COMMAND + "`."
                        : "");
    }

    private static String list(List<SchemaComparator.Change> changes) {
        return changes.stream().map(change -> "\n  - " + change).collect(Collectors.joining());
    }

    static String nextVersion(String name) {
        int at = name.lastIndexOf(".v");
        return name.substring(0, at) + ".v" + (Integer.parseInt(name.substring(at + 2)) + 1);
    }
}

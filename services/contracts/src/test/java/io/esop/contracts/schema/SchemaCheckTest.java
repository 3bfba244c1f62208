package io.esop.contracts.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.esop.contracts.EventType;
import io.esop.contracts.EventTypes;
import io.esop.contracts.Samples;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verdicts and the write mode of the schema check, on a scratch directory. */
class SchemaCheckTest {

    private static final EventType<?> TYPE = EventTypes.ORDER_COMPLETED;

    private final SchemaGenerator generator = new SchemaGenerator();

    @TempDir
    Path dir;

    @Test
    void missingSchemaFailsWithTheCommandToWriteIt() {
        SchemaCheck.Result result = check(false, false).check(TYPE, generated());
        assertEquals(SchemaCheck.Status.MISSING, result.status());
        assertTrue(result.message().contains(ContractFiles.WRITE_COMMAND), result.message());
    }

    @Test
    void writeModeWritesAMissingSchema() {
        SchemaCheck.Result result = check(true, false).check(TYPE, generated());
        assertEquals(SchemaCheck.Status.WRITTEN, result.status());
        assertEquals(generated(), ContractFiles.read(file()));
        assertEquals(SchemaCheck.Status.CURRENT, check(false, false).check(TYPE, generated()).status());
    }

    @Test
    void compatibleDifferenceIsStale() throws Exception {
        ObjectNode committed = generatedTree();
        ((ObjectNode) committed.get("properties")).remove("billingStartDate"); // the record has gained it since
        ContractFiles.write(file(), generator.render(committed));

        SchemaCheck.Result result = check(false, false).check(TYPE, generated());
        assertEquals(SchemaCheck.Status.STALE, result.status());
        assertTrue(result.message().contains("stale: regenerate"), result.message());
        assertTrue(result.message().contains(ContractFiles.WRITE_COMMAND), result.message());

        assertEquals(SchemaCheck.Status.WRITTEN, check(true, false).check(TYPE, generated()).status());
        assertEquals(generated(), ContractFiles.read(file()));
    }

    @Test
    void incompatibleChangeFailsNamesTheFieldAndIsNeverWrittenWithoutPermission() throws Exception {
        ObjectNode committed = generatedTree();
        ((ObjectNode) committed.get("properties")).putObject("legacyCode").put("type", "string");
        ((ArrayNode) committed.get("required")).add("legacyCode"); // the record has dropped it since
        String committedText = generator.render(committed);
        ContractFiles.write(file(), committedText);

        SchemaCheck.Result checked = check(false, false).check(TYPE, generated());
        assertEquals(SchemaCheck.Status.BREAKING, checked.status());
        assertTrue(checked.message().contains("esop.order.completed.v1"), checked.message());
        assertTrue(checked.message().contains("'legacyCode'"), checked.message());
        assertTrue(checked.message().contains("PROPERTY_REMOVED"), checked.message());
        assertTrue(checked.message().contains("esop.order.completed.v2"), checked.message());

        SchemaCheck.Result refused = check(true, false).check(TYPE, generated());
        assertEquals(SchemaCheck.Status.BREAKING, refused.status());
        assertTrue(refused.message().contains("-Dschemas.allowBreaking=true"), refused.message());
        assertEquals(committedText, ContractFiles.read(file()), "write mode must not overwrite incompatibly");

        assertEquals(SchemaCheck.Status.WRITTEN, check(true, true).check(TYPE, generated()).status());
        assertEquals(generated(), ContractFiles.read(file()));
    }

    @Test
    void nextVersionOfAnEventType() {
        assertEquals("esop.order.milestone-reached.v2", SchemaCheck.nextVersion("esop.order.milestone-reached.v1"));
        assertEquals("esop.sla.alert.v10", SchemaCheck.nextVersion("esop.sla.alert.v9"));
    }

    private SchemaCheck check(boolean write, boolean allowBreaking) {
        return new SchemaCheck(dir, "scratch", write, allowBreaking);
    }

    private Path file() {
        return dir.resolve(TYPE.schemaFileName());
    }

    private String generated() {
        return generator.render(generatedTree());
    }

    private ObjectNode generatedTree() {
        return generator.schemaOf(TYPE, Samples.of(TYPE));
    }
}

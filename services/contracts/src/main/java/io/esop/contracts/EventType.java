package io.esop.contracts;

import java.util.regex.Pattern;

/**
 * One kind of event: its CloudEvents type name ({@code ce_type}), the record carrying its payload, and the
 * topic it is published on. A name ends in its version ({@code .v1}); an incompatible change is a new
 * event type with the next version, never an edit of a published one.
 *
 * @param name    the CloudEvents type, {@code esop.<aggregate>.<event-in-kebab-case>.v<n>}
 * @param payload the record the Kafka value deserializes to
 * @param topic   one of {@link Topics}
 */
public record EventType<T extends EsopEvent>(String name, Class<T> payload, String topic) {

    private static final Pattern NAME = Pattern.compile("esop\\.[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*");

    public EventType {
        Require.nonNull(name, "name");
        Require.nonNull(payload, "payload");
        Require.nonNull(topic, "topic");
        Require.that(NAME.matcher(name).matches(),
                "event type name must look like esop.<aggregate>.<event-in-kebab-case>.v<n>: " + name);
        Require.that(payload.isRecord(), "payload must be a record: " + payload.getName());
        Require.that(Topics.ALL.contains(topic), "not a topic in Topics: " + topic);
    }

    /** The file name of the committed JSON Schema, in {@code services/contracts/schemas/}. */
    public String schemaFileName() {
        return name + ".schema.json";
    }

    /** The schema's {@code $id}; also what {@code ce_dataschema} carries when a producer sets it. */
    public String schemaId() {
        return "urn:esop:schema:" + name;
    }

    /** The version number at the end of the name. */
    public int version() {
        return Integer.parseInt(name.substring(name.lastIndexOf(".v") + 2));
    }

    @Override
    public String toString() {
        return name;
    }
}

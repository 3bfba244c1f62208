package io.esop.eventing.deadletter;

/** Kafka headers of a dead letter: why it failed and where the original record was. */
public final class DeadLetterHeaders {

    /** Why the consumer gave up on the record (exception message, validation error). */
    public static final String REASON = "esop_dlq_reason";
    /** Topic, partition and offset of the original record. */
    public static final String TOPIC = "esop_dlq_topic";
    public static final String PARTITION = "esop_dlq_partition";
    public static final String OFFSET = "esop_dlq_offset";
    /** The consumer (inbox name / group) that rejected it. */
    public static final String CONSUMER = "esop_dlq_consumer";
    /**
     * How the original value is carried in the dead letter's JSON value: {@code json} (as it was),
     * {@code text} (not JSON: a JSON string holding the UTF-8 text), {@code base64} (not UTF-8 text,
     * or text PostgreSQL's jsonb cannot hold: a JSON string holding the base64 bytes), {@code null}
     * (the original value was null).
     */
    public static final String VALUE_ENCODING = "esop_dlq_value_encoding";
    /**
     * Prefix under which original headers are kept when their name clashes with a header the relay
     * sets on the dead letter ({@code ce_*}, {@code content-type}), e.g. {@code esop_dlq_original_ce_id}.
     */
    public static final String ORIGINAL_PREFIX = "esop_dlq_original_";

    public static final String ENCODING_JSON = "json";
    public static final String ENCODING_TEXT = "text";
    public static final String ENCODING_BASE64 = "base64";
    public static final String ENCODING_NULL = "null";

    private DeadLetterHeaders() {
    }
}

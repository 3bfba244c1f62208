package io.esop.contracts;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: the payload is the record value, the
 * attributes are headers. Header values are UTF-8 strings.
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    /** Optional attribute; when set, the schema's {@code $id} (see {@link EventType#schemaId()}). */
    public static final String DATA_SCHEMA = "ce_dataschema";
    /** In binary mode the CloudEvents {@code datacontenttype} travels as this plain header. */
    public static final String CONTENT_TYPE = "content-type";

    /** The value of {@link #SPEC_VERSION}. */
    public static final String SPEC_VERSION_1_0 = "1.0";
    /** The value of {@link #CONTENT_TYPE} for every ESOP payload. */
    public static final String APPLICATION_JSON = "application/json";

    private CloudEvents() {
    }
}

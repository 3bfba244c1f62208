package io.esop.eventing;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.esop.contracts.CloudEvents;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary mode: the attributes travel as {@code ce_*} headers
 * and the Kafka value is the JSON data. The names are those of {@link CloudEvents} in the contracts;
 * this class adds the readers a consumer needs.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = CloudEvents.SPEC_VERSION;
    public static final String ID = CloudEvents.ID;
    public static final String TYPE = CloudEvents.TYPE;
    public static final String SOURCE = CloudEvents.SOURCE;
    public static final String SUBJECT = CloudEvents.SUBJECT;
    public static final String TIME = CloudEvents.TIME;
    public static final String CONTENT_TYPE = CloudEvents.CONTENT_TYPE;

    public static final String SPEC_VERSION_1_0 = CloudEvents.SPEC_VERSION_1_0;
    public static final String APPLICATION_JSON = CloudEvents.APPLICATION_JSON;

    private CloudEventHeaders() {
    }

    /** The event id ({@code ce_id}), the key of the consumer's inbox; null when absent. */
    public static String id(Headers headers) {
        return value(headers, ID);
    }

    /** The event type ({@code ce_type}); null when absent. */
    public static String type(Headers headers) {
        return value(headers, TYPE);
    }

    public static String source(Headers headers) {
        return value(headers, SOURCE);
    }

    public static String subject(Headers headers) {
        return value(headers, SUBJECT);
    }

    public static String time(Headers headers) {
        return value(headers, TIME);
    }

    /** The last value of a header as UTF-8 text; null when absent. */
    public static String value(Headers headers, String name) {
        if (headers == null) {
            return null;
        }
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

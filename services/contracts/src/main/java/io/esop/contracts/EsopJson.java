package io.esop.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.TimeZone;

/**
 * The JSON mapping of ESOP payloads, for code that has no Quarkus-managed {@link ObjectMapper}
 * (tools, the simulator, tests). It matches what a Quarkus service writes and reads:
 * <ul>
 *   <li>{@code Instant}, {@code LocalDate}, {@code LocalTime} and {@code Duration} as ISO-8601 strings;</li>
 *   <li>unknown properties ignored, so that fields added later stay compatible;</li>
 *   <li>absent optional values omitted ({@code NON_NULL});</li>
 *   <li>{@code BigDecimal} written as a plain JSON number, never in exponent notation, and kept exact
 *       (scale included) through {@code JsonNode} trees: {@code 14500.00} stays {@code 14500.00}.</li>
 * </ul>
 * Quarkus services may apply the same settings to their own mapper with {@link #configure(ObjectMapper)}
 * from an {@code ObjectMapperCustomizer}. Durations are ISO strings even without it: every
 * {@code Duration} component is annotated, because Quarkus writes durations as numbers by default.
 */
public final class EsopJson {

    private EsopJson() {
    }

    /** A new mapper configured for ESOP payloads. */
    public static ObjectMapper newObjectMapper() {
        return configure(new ObjectMapper());
    }

    /** Applies the ESOP settings to {@code mapper} and returns it. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.registerModule(new JavaTimeModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        // Money through trees (tools, relays, DLQ handling): no doubles, no stripped scale.
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        mapper.setDefaultPropertyInclusion(
                JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
        mapper.setTimeZone(TimeZone.getTimeZone("UTC"));
        return mapper;
    }
}

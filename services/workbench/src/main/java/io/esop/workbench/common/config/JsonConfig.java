package io.esop.workbench.common.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.esop.contracts.EsopJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** BigDecimal, Instant and Duration serialise as the contracts' JSON Schemas say (the outbox uses this mapper). */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        EsopJson.configure(mapper);
    }
}

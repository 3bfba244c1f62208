package io.esop.web;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.EsopJson;
import io.quarkus.jackson.ObjectMapperCustomizer;

/** The application's mapper writes what every ESOP service writes (ISO times, plain decimals, no nulls). */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        EsopJson.configure(mapper);
    }
}

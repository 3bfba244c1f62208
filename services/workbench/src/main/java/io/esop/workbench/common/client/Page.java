package io.esop.workbench.common.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One page of any ESOP service's keyset-paged list, as the workbench reads it; {@code nextCursor} is null on the
 * last page, and a missing list reads as empty.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = items == null ? List.of() : items;
    }
}

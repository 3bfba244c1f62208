package io.esop.opportunity.common;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One page of a keyset-paged list; {@code nextCursor} is null on the last page. */
@RegisterForReflection
public record Page<T>(List<T> items, String nextCursor) {
}

package io.esop.eventing;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A test event payload: the n-th event of the aggregate {@code key}. */
@RegisterForReflection
public record Sample(String key, int n, String note) {
}

package io.esop.customer.member.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * Serves the custom-method path {@code /api/customers/{id}/members:bulk} (AIP-136 style) by rerouting it to
 * {@code /api/customers/{id}/members/bulk}: the REST router matches the literal prefix {@code members}
 * and never tries {@code members:bulk} as a path of its own.
 */
@ApplicationScoped
public class BulkPathRewrite {

    private static final String CUSTOM_METHOD = "/members:bulk";
    /** The same with the colon percent-encoded, as some HTTP clients send it. */
    private static final String CUSTOM_METHOD_ENCODED = "/members%3abulk";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String path = context.normalizedPath();
            String lower = path.toLowerCase(java.util.Locale.ROOT);
            if (path.startsWith("/api/customers/") && path.endsWith(CUSTOM_METHOD)) {
                context.reroute(path.substring(0, path.length() - CUSTOM_METHOD.length()) + "/members/bulk");
            } else if (path.startsWith("/api/customers/") && lower.endsWith(CUSTOM_METHOD_ENCODED)) {
                context.reroute(path.substring(0, path.length() - CUSTOM_METHOD_ENCODED.length()) + "/members/bulk");
            } else {
                context.next();
            }
        });
    }
}

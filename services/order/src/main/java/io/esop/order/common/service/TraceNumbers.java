package io.esop.order.common.service;

import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * One number traces a deal end to end: the application is {@code APP-<n>}, its agreement {@code AGR-<n>}, its
 * order {@code ORD-<n>}, where {@code n} is the business date (Asia/Shanghai) and a database sequence.
 * Numbers of one day sort in creation order, which keyset paging relies on.
 */
@ApplicationScoped
public class TraceNumbers {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static final String APPLICATION = "APP-";
    public static final String AGREEMENT = "AGR-";
    public static final String ORDER = "ORD-";

    /** A new trace number (without prefix), inside the caller's session. */
    public Uni<String> next() {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("select nextval('trace_no_seq')").getSingleResult())
                .map(n -> LocalDate.now(ZONE).toString().replace("-", "") + "-"
                        + String.format("%08d", ((Number) n).longValue()));
    }

    /** The trace number inside an application, agreement or order number; null if it is none of them. */
    public static String traceOf(String number) {
        if (number == null) {
            return null;
        }
        for (String prefix : new String[] { APPLICATION, AGREEMENT, ORDER }) {
            if (number.startsWith(prefix)) {
                return number.substring(prefix.length());
            }
        }
        return null;
    }
}

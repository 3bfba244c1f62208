package io.esop.sla.clock.messaging;

/** The topics the SLA topology reads and writes; the real ones in production, private ones in some tests. */
public record SlaTopics(String opportunities, String orders, String customers, String policies, String alerts,
        String deadLetters) {
}

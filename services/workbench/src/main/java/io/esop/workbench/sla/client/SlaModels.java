package io.esop.workbench.sla.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the workbench reads of the SLA service's JSON (services/sla: alerts, clocks, compliance). */
public final class SlaModels {

    private SlaModels() {
    }


    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Alert(String alertId, String clockType, String kind, int level, String subjectType,
            String subjectId, String milestone, String customerId, String responsibleUserId, String teamId,
            Instant dueAt, Instant firedAt) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Clock(String clockId, String clockType, String subjectType, String subjectId, String status,
            String remaining, Instant dueAt) {

        /** Time left in minutes (negative once breached); null when the clock stopped or the value is unreadable. */
        public Long minutesLeft() {
            try {
                return remaining == null ? null : Duration.parse(remaining).toMinutes();
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Compliance(String group, long clocks, long met, BigDecimal metPercent) {
        public long percent() {
            return metPercent == null ? 0 : Math.round(metPercent.doubleValue());
        }
    }
}

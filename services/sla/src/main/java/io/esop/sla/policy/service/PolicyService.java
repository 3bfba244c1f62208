package io.esop.sla.policy.service;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.esop.contracts.EventTypes;
import io.esop.contracts.sla.BusinessCalendar;
import io.esop.contracts.sla.CalendarKind;
import io.esop.contracts.sla.ClockType;
import io.esop.contracts.sla.EscalationStep;
import io.esop.contracts.sla.SlaPolicy;
import io.esop.eventing.outbox.Outbox;
import io.esop.web.Conflict;
import io.esop.web.InvalidInput;
import io.esop.web.NotFound;
import io.esop.web.Page;
import io.esop.sla.policy.PolicyCell;
import io.esop.sla.policy.PolicyVersion;
import io.esop.sla.policy.repository.PolicyRepository;
import io.esop.sla.policy.rest.PolicyChange;
import io.esop.sla.policy.rest.PolicyRequest;
import io.esop.sla.policy.rest.PolicyView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Policies: every change is a new version, written with its {@code esop.sla-policies.v1} event in one
 * transaction (outbox). Running clocks keep the version they copied when they started.
 */
@ApplicationScoped
public class PolicyService {

    /** The default calendar: business hours in Shanghai, Monday to Friday, 09:00-18:00. */
    public static final BusinessCalendar DEFAULT_CALENDAR = new BusinessCalendar(CalendarKind.BUSINESS_HOURS,
            BusinessCalendar.DEFAULT_ZONE,
            List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
            LocalTime.of(9, 0), LocalTime.of(18, 0), List.of(), List.of());

    private final PolicyRepository policies;
    private final PolicyMapper mapper;
    private final Outbox outbox;

    public PolicyService(PolicyRepository policies, PolicyMapper mapper, Outbox outbox) {
        this.policies = policies;
        this.mapper = mapper;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<PolicyView> create(PolicyRequest request, String by) {
        if (request.milestone() != null && request.clockType() != ClockType.ORDER_MILESTONE) {
            throw new InvalidInput("milestone", "only an ORDER_MILESTONE policy names a milestone");
        }
        if (request.approvalKind() != null && request.clockType() != ClockType.APPROVAL_DECISION) {
            throw new InvalidInput("approvalKind", "only an APPROVAL_DECISION policy names an approval kind");
        }
        PolicyCell cell = new PolicyCell(request.valueTier(), request.productLine(), request.clockType(),
                request.milestone(), request.approvalKind());
        return policies.latest(cell.policyId()).chain(latest -> {
            if (latest != null && !latest.retired) {
                throw new Conflict("clockType", "policy " + cell.policyId() + " exists: PUT a new version instead");
            }
            PolicyVersion row = new PolicyVersion();
            row.policyId = cell.policyId();
            row.version = latest == null ? 1 : latest.version + 1;
            row.valueTier = cell.valueTier().name();
            row.productLine = cell.productLine().name();
            row.clockType = cell.clockType().name();
            row.milestone = cell.milestone() == null ? null : cell.milestone().name();
            row.approvalKind = cell.approvalKind() == null ? null : cell.approvalKind().name();
            return write(row, request.change(), by);
        });
    }

    @WithTransaction
    public Uni<PolicyView> change(String policyId, PolicyChange change, String by) {
        return policies.latest(policyId).chain(latest -> {
            if (latest == null || latest.retired) {
                throw new NotFound("policy", policyId);
            }
            return write(copyCell(latest), change, by);
        });
    }

    @WithTransaction
    public Uni<PolicyView> retire(String policyId, String by) {
        return policies.latest(policyId).chain(latest -> {
            if (latest == null || latest.retired) {
                throw new NotFound("policy", policyId);
            }
            PolicyVersion row = copyCell(latest);
            row.targetSeconds = latest.targetSeconds;
            row.warningThresholdPercent = latest.warningThresholdPercent;
            row.escalationsJson = latest.escalationsJson;
            row.calendarJson = latest.calendarJson;
            row.effectiveFrom = now();
            row.createdAt = row.effectiveFrom;
            row.createdBy = by;
            row.retired = true;
            row.published = true;
            // a tombstone retires it from the compacted topic and from the engine's global table
            return policies.persist(row)
                    .call(() -> outbox.tombstone(EventTypes.SLA_POLICY, policyId))
                    .map(saved -> PolicyView.of(mapper.toContract(saved), saved));
        });
    }

    @WithSession
    public Uni<PolicyView> current(String policyId) {
        return policies.latest(policyId).map(latest -> {
            if (latest == null || latest.retired) {
                throw new NotFound("policy", policyId);
            }
            return PolicyView.of(mapper.toContract(latest), latest);
        });
    }

    @WithSession
    public Uni<List<PolicyView>> versions(String policyId) {
        return policies.versions(policyId).map(list -> {
            if (list.isEmpty()) {
                throw new NotFound("policy", policyId);
            }
            return list.stream().map(v -> PolicyView.of(mapper.toContract(v), v)).toList();
        });
    }

    @WithSession
    public Uni<Page<PolicyView>> list(String after, ClockType clockType, String valueTier, String productLine,
            int limit) {
        return policies.currentPage(after, clockType == null ? null : clockType.name(), valueTier, productLine,
                limit + 1).map(rows -> {
                    boolean more = rows.size() > limit;
                    List<PolicyVersion> page = more ? rows.subList(0, limit) : rows;
                    List<PolicyView> items = page.stream().map(v -> PolicyView.of(mapper.toContract(v), v)).toList();
                    return new Page<>(items, more ? io.esop.web.Cursor.encode(page.get(limit - 1).policyId)
                            : null);
                });
    }

    /** Puts seeded (Flyway) versions that were never published into the outbox. */
    @WithTransaction
    public Uni<Integer> publishSeeds() {
        return policies.unpublished().chain(rows -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (PolicyVersion row : rows) {
                chain = chain.chain(() -> (row.retired
                        ? outbox.tombstone(EventTypes.SLA_POLICY, row.policyId)
                        : outbox.append(EventTypes.SLA_POLICY, mapper.toContract(row)))
                        .invoke(() -> row.published = true).replaceWithVoid());
            }
            return chain.map(v -> rows.size());
        }).invoke(n -> {
            if (n > 0) {
                Log.infof("Published %d seeded SLA policy versions", n);
            }
        });
    }

    private Uni<PolicyView> write(PolicyVersion row, PolicyChange change, String by) {
        if (change.target().isNegative() || change.target().isZero()) {
            throw new InvalidInput("target", "must be a positive duration");
        }
        if (change.target().getNano() != 0) {
            throw new InvalidInput("target", "whole seconds only");
        }
        List<EscalationStep> steps = change.escalations() == null ? List.of() : change.escalations();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).level() != i + 1) {
                throw new InvalidInput("escalations[" + i + "].level", "levels must be 1, 2, ... in order");
            }
            if (i > 0 && steps.get(i).after().compareTo(steps.get(i - 1).after()) <= 0) {
                throw new InvalidInput("escalations[" + i + "].after", "must be after the previous level's");
            }
        }
        row.targetSeconds = change.target().getSeconds();
        row.warningThresholdPercent = change.warningThresholdPercent() == null
                ? SlaPolicy.DEFAULT_WARNING_THRESHOLD_PERCENT : change.warningThresholdPercent();
        row.escalationsJson = mapper.json(steps);
        row.calendarJson = mapper.json(change.calendar() == null ? DEFAULT_CALENDAR : change.calendar());
        row.effectiveFrom = now();
        row.createdAt = row.effectiveFrom;
        row.createdBy = by;
        row.retired = false;
        row.published = true;
        SlaPolicy event = mapper.toContract(row);
        return policies.persist(row)
                .call(saved -> outbox.append(EventTypes.SLA_POLICY, event))
                .map(saved -> PolicyView.of(event, saved));
    }

    private static PolicyVersion copyCell(PolicyVersion latest) {
        PolicyVersion row = new PolicyVersion();
        row.policyId = latest.policyId;
        row.version = latest.version + 1;
        row.valueTier = latest.valueTier;
        row.productLine = latest.productLine;
        row.clockType = latest.clockType;
        row.milestone = latest.milestone;
        row.approvalKind = latest.approvalKind;
        return row;
    }

    private static Instant now() {
        // timestamptz keeps microseconds: what we publish equals what we store
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}

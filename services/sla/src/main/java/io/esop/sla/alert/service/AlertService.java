package io.esop.sla.alert.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.esop.sla.alert.AlertRecord;
import io.esop.sla.alert.StaffMember;
import io.esop.sla.alert.rest.AlertView;
import io.esop.sla.alert.rest.ComplianceRow;
import io.esop.web.Cursor;
import io.esop.web.Forbidden;
import io.esop.web.InvalidInput;
import io.esop.web.NotFound;
import io.esop.web.Page;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Alert history, acknowledgement and compliance, scoped by the caller. */
@ApplicationScoped
public class AlertService {

    /** Which alerts: all, or only those still to acknowledge, or only acknowledged ones. */
    public enum State {
        OPEN, ACKNOWLEDGED, ALL
    }

    /** Who asks and what they may see. */
    public record Scope(String username, String team, boolean director, boolean seesAll) {
    }

    private static final Map<String, String> GROUP_COLUMNS = Map.of("valueTier", "value_tier", "productLine",
            "product_line", "clockType", "clock_type", "team", "team_id");

    @WithSession
    public Uni<Page<AlertView>> mine(Scope scope, State state, int limit, String cursor) {
        return page("a.responsibleUserId = :me", Map.of("me", scope.username()), state, limit, cursor);
    }

    @WithSession
    public Uni<Page<AlertView>> team(Scope scope, State state, int limit, String cursor) {
        if (scope.seesAll()) {
            return page("1 = 1", Map.of(), state, limit, cursor);
        }
        if (!scope.director() || scope.team() == null) {
            throw new Forbidden("only sales directors see their team's alerts");
        }
        return page("(a.teamId = :team or a.responsibleUserId in "
                + "(select s.staffId from StaffMember s where s.teamId = :team))", Map.of("team", scope.team()),
                state, limit, cursor);
    }

    @WithTransaction
    public Uni<AlertView> acknowledge(Scope scope, String alertId) {
        return AlertRecord.<AlertRecord>findById(alertId).chain(alert -> {
            if (alert == null) {
                throw new NotFound("alert", alertId);
            }
            return StaffMember.<StaffMember>findById(alert.responsibleUserId).map(staff -> {
                boolean responsible = scope.username().equals(alert.responsibleUserId);
                boolean theirDirector = scope.director() && (staff != null
                        && (scope.username().equals(staff.directorId)
                                || (scope.team() != null && scope.team().equals(staff.teamId)))
                        || (scope.team() != null && scope.team().equals(alert.teamId)));
                if (!responsible && !theirDirector) {
                    if (scope.seesAll()) {
                        throw new Forbidden("only the responsible user or their director acknowledges an alert");
                    }
                    throw new NotFound("alert", alertId);
                }
                if (alert.acknowledgedAt == null) { // acknowledging twice keeps the first acknowledgement
                    alert.acknowledgedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    alert.acknowledgedBy = scope.username();
                }
                return AlertView.of(alert);
            });
        });
    }

    @WithSession
    @SuppressWarnings("unchecked")
    public Uni<List<ComplianceRow>> compliance(Scope scope, String groupBy, Instant from, Instant to) {
        String column = GROUP_COLUMNS.get(groupBy);
        if (column == null) {
            throw new InvalidInput("groupBy", "one of " + GROUP_COLUMNS.keySet());
        }
        StringBuilder where = new StringBuilder("kind = 'MET'");
        Map<String, Object> params = new HashMap<>();
        if (from != null) {
            where.append(" and occurred_at >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" and occurred_at < :to");
            params.put("to", to);
        }
        if (!scope.seesAll()) {
            if (scope.director() && scope.team() != null) {
                where.append(" and (team_id = :team or responsible_user_id in "
                        + "(select staff_id from sla_staff where team_id = :team))");
                params.put("team", scope.team());
            } else {
                where.append(" and responsible_user_id = :me");
                params.put("me", scope.username());
            }
        }
        String sql = "select coalesce(" + column + ", 'UNKNOWN'), count(*), "
                + "count(*) filter (where occurred_at <= due_at), "
                + "coalesce(avg(extract(epoch from (occurred_at - due_at))) filter (where occurred_at > due_at), 0), "
                + "coalesce(avg(greatest(extract(epoch from (occurred_at - due_at)), 0)), 0) "
                + "from sla_alert where " + where + " group by 1 order by 1";
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class);
            params.forEach(query::setParameter);
            return query.getResultList();
        }).map(rows -> rows.stream().map(r -> {
            long clocks = ((Number) r[1]).longValue();
            long met = ((Number) r[2]).longValue();
            return new ComplianceRow((String) r[0], clocks, met,
                    BigDecimal.valueOf(met * 100.0 / clocks).setScale(1, RoundingMode.HALF_UP),
                    new BigDecimal(r[3].toString()).setScale(1, RoundingMode.HALF_UP),
                    new BigDecimal(r[4].toString()).setScale(1, RoundingMode.HALF_UP));
        }).toList());
    }

    private Uni<Page<AlertView>> page(String scopeClause, Map<String, Object> scopeParams, State state, int limit,
            String cursor) {
        StringBuilder q = new StringBuilder("from AlertRecord a where ").append(scopeClause);
        Map<String, Object> params = new HashMap<>(scopeParams);
        if (state == State.OPEN) {
            q.append(" and a.acknowledgedAt is null and a.kind in ('WARNING', 'BREACHED', 'ESCALATED')");
        } else if (state == State.ACKNOWLEDGED) {
            q.append(" and a.acknowledgedAt is not null");
        }
        String after = Cursor.decode(cursor);
        if (after != null) {
            int bar = after.indexOf('|');
            if (bar < 0) {
                throw new InvalidInput("cursor", "not a cursor returned by this API");
            }
            Instant firedAt;
            try {
                firedAt = Instant.parse(after.substring(0, bar));
            } catch (RuntimeException e) {
                throw new InvalidInput("cursor", "not a cursor returned by this API");
            }
            q.append(" and (a.firedAt < :firedAt or (a.firedAt = :firedAt and a.alertId < :alertId))");
            params.put("firedAt", firedAt);
            params.put("alertId", after.substring(bar + 1));
        }
        q.append(" order by a.firedAt desc, a.alertId desc");
        return AlertRecord.<AlertRecord>find(q.toString(), params).page(0, limit + 1).list().map(rows -> {
            boolean more = rows.size() > limit;
            List<AlertRecord> page = more ? rows.subList(0, limit) : rows;
            AlertRecord last = more ? page.get(limit - 1) : null;
            return new Page<>(page.stream().map(AlertView::of).toList(),
                    last == null ? null : Cursor.encode(last.firedAt + "|" + last.alertId));
        });
    }
}

package io.esop.opportunity.opportunity.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.ProductLine;
import io.esop.contracts.opportunity.OpportunityStage;
import io.esop.contracts.signal.SignalSource;
import io.esop.opportunity.common.Caller;
import io.esop.opportunity.common.Cursor;
import io.esop.opportunity.opportunity.Bid;
import io.esop.opportunity.opportunity.Opportunity.CollaborationStatus;
import io.esop.opportunity.opportunity.Opportunity;
import io.esop.opportunity.opportunity.SignalRecord;
import io.esop.opportunity.opportunity.StageMachine;
import io.esop.opportunity.opportunity.TimelineEntry;
import io.esop.opportunity.opportunity.rest.OpportunityViews.BidView;
import io.esop.opportunity.opportunity.rest.OpportunityViews.BidderRow;
import io.esop.opportunity.opportunity.rest.OpportunityViews.Collaboration;
import io.esop.opportunity.opportunity.rest.OpportunityViews.Detail;
import io.esop.opportunity.opportunity.rest.OpportunityViews.Funnel;
import io.esop.opportunity.opportunity.rest.OpportunityViews.FunnelRow;
import io.esop.opportunity.opportunity.rest.OpportunityViews.Prospect;
import io.esop.opportunity.opportunity.rest.OpportunityViews.SignalStatus;
import io.esop.opportunity.opportunity.rest.OpportunityViews.SignalView;
import io.esop.opportunity.opportunity.rest.OpportunityViews.Summary;
import io.esop.opportunity.opportunity.rest.OpportunityViews.TimelineView;
import io.esop.web.Forbidden;
import io.esop.web.InvalidInput;
import io.esop.web.NotFound;
import io.esop.web.Page;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Reads, always through the caller's data scope: what they may not see does not exist (404). */
@ApplicationScoped
public class OpportunityQueries {

    public enum View {
        MINE, TEAM, BIDS, ALL
    }

    private final ObjectMapper objectMapper;

    public OpportunityQueries(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** May the caller see this opportunity at all? */
    public static boolean visible(Opportunity o, Caller c) {
        if (c.readsAll()) {
            return true;
        }
        if (c.isDirector() && o.teamId != null && o.teamId.equals(c.team())) {
            return true;
        }
        if (c.isManager()) {
            String me = c.username();
            return me.equals(o.ownerId)
                    || (me.equals(o.partnerId) && o.collaborationStatus != CollaborationStatus.NONE)
                    || (o.stage == OpportunityStage.BIDDING && o.eligibleManagers().contains(me));
        }
        return false;
    }

    public static View defaultView(Caller c) {
        return c.readsAll() ? View.ALL : c.isDirector() ? View.TEAM : View.MINE;
    }

    @WithSession
    public Uni<Page<Summary>> list(Caller c, View view, OpportunityStage stage, SignalSource source,
            ProductLine productLine, int limit, String cursorText) {
        Cursor cursor = Cursor.decode(cursorText);
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>();
        where.add(scope(c, view, params));
        if (stage != null) {
            where.add("o.stage = :stage");
            params.put("stage", stage);
        }
        if (source != null) {
            where.add("o.source = :source");
            params.put("source", source);
        }
        if (productLine != null) {
            where.add("o.productLine = :productLine");
            params.put("productLine", productLine);
        }
        if (cursor != null) {
            where.add("(o.createdAt < :cursorAt or (o.createdAt = :cursorAt and o.id < :cursorId))");
            params.put("cursorAt", cursor.createdAt());
            params.put("cursorId", cursor.id());
        }
        String hql = "from Opportunity o where " + String.join(" and ", where) + " order by o.createdAt desc, o.id desc";
        return Opportunity.<Opportunity>find(hql, params).range(0, limit).list().map(rows -> {
            List<Opportunity> page = rows.size() > limit ? rows.subList(0, limit) : rows;
            String next = rows.size() > limit
                    ? new Cursor(page.get(page.size() - 1).createdAt, page.get(page.size() - 1).id).encode() : null;
            return new Page<>(page.stream().map(OpportunityQueries::summary).toList(), next);
        });
    }

    /** The HQL condition of a view, with its parameters; a view the caller's roles do not allow is refused. */
    static String scope(Caller c, View view, Map<String, Object> params) {
        switch (view) {
            case ALL -> {
                if (!c.readsAll()) {
                    throw new Forbidden("view=all is for back office and admins");
                }
                return "1 = 1";
            }
            case TEAM -> {
                if (!c.isDirector() || c.team() == null) {
                    throw new Forbidden("view=team is for sales directors");
                }
                params.put("team", c.team());
                return "o.teamId = :team";
            }
            case BIDS -> {
                params.put("pattern", "%," + c.username() + ",%");
                params.put("biddingStage", OpportunityStage.BIDDING);
                params.put("now", OpportunityEvents.now());
                return "o.stage = :biddingStage and o.eligibleManagerIds like :pattern and o.biddingClosesAt > :now";
            }
            default -> {
                params.put("me", c.username());
                params.put("none", CollaborationStatus.NONE);
                return "(o.ownerId = :me or (o.partnerId = :me and o.collaborationStatus <> :none))";
            }
        }
    }

    @WithSession
    public Uni<Detail> detail(Caller c, String id) {
        return Opportunity.<Opportunity>findById(id).chain(o -> {
            if (o == null || !visible(o, c)) {
                return Uni.createFrom().failure(new NotFound("opportunity", id));
            }
            return SignalRecord.<SignalRecord>list("opportunityId = ?1 order by observedAt", id)
                    .chain(signals -> TimelineEntry.<TimelineEntry>list("opportunityId = ?1 order by id", id)
                            .chain(timeline -> Bid.<Bid>list("opportunityId = ?1 order by submittedAt", id)
                                    .map(bids -> detail(c, o, signals, timeline, bids))));
        });
    }

    private Detail detail(Caller c, Opportunity o, List<SignalRecord> signals, List<TimelineEntry> timeline, List<Bid> bids) {
        boolean seesAllBids = c.readsAll() || (c.isDirector() && o.teamId != null && o.teamId.equals(c.team()))
                || c.username().equals(o.ownerId);
        JsonNode breakdown;
        try {
            breakdown = objectMapper.readTree(o.scoreBreakdown);
        } catch (Exception e) {
            breakdown = null;
        }
        return new Detail(summary(o), o.directorId, o.assignmentReason, o.eligibleManagers(), o.awardReason,
                o.awardedBy,
                new Collaboration(o.collaborationStatus.name(), o.partnerId, o.ownerSharePercent, o.partnerSharePercent),
                o.creditSplit(), o.lostReason, o.convertedAt,
                o.prospectName == null ? null
                        : new Prospect(o.prospectName, o.prospectCreditCode, o.prospectContactName, o.prospectContactPhone),
                breakdown,
                signals.stream().map(s -> new SignalView(s.signalId, s.outcome, s.source, s.strength,
                        s.estimatedMonthlyValue, s.observedAt, s.detail, s.capturedBy)).toList(),
                timeline.stream().map(t -> new TimelineView(t.sequence, t.eventType, t.occurredAt, t.actor, t.summary))
                        .toList(),
                bids.stream().filter(b -> seesAllBids || b.bidderId.equals(c.username()))
                        .map(b -> new BidView(b.id, b.bidderId, b.plan, b.proposedFirstContact, b.ability, b.submittedAt))
                        .toList(),
                List.copyOf(StageMachine.nextForOwner(o.stage)));
    }

    /** Where a signal went; visible when its opportunity is (or to back office and admins). */
    @WithSession
    public Uni<SignalStatus> signal(Caller c, String signalId) {
        return SignalRecord.<SignalRecord>findById(signalId).chain(s -> {
            if (s == null || s.opportunityId == null) {
                return Uni.createFrom().failure(new NotFound("signal", signalId));
            }
            return Opportunity.<Opportunity>findById(s.opportunityId).map(o -> {
                if (o == null || !visible(o, c)) {
                    throw new NotFound("signal", signalId);
                }
                return new SignalStatus(s.signalId, s.outcome, s.opportunityId);
            });
        });
    }

    @WithSession
    public Uni<Funnel> funnel(Caller c, String by) {
        String column = switch (by == null ? "source" : by) {
            case "source" -> "o.source";
            case "productLine" -> "o.productLine";
            case "region" -> "o.region";
            case "owner" -> "o.ownerId";
            default -> throw new InvalidInput("by", "one of source, productLine, region, owner");
        };
        Map<String, Object> params = new HashMap<>();
        String scope = scope(c, defaultView(c), params);
        params.put("won", OpportunityStage.WON);
        params.put("lost", OpportunityStage.LOST);
        String hql = "select cast(" + column + " as String), count(o), "
                + "sum(case when o.stage = :won then 1 else 0 end), sum(case when o.stage = :lost then 1 else 0 end) "
                + "from Opportunity o where " + scope + " group by " + column + " order by count(o) desc";
        String bidsHql = "select b.bidderId, count(b), sum(case when o.ownerId = b.bidderId then 1 else 0 end) "
                + "from Bid b join Opportunity o on o.id = b.opportunityId where " + scope
                + " and o.stage <> :bidding group by b.bidderId order by b.bidderId";
        return Panache.getSession().chain(session -> {
            var rowsQuery = session.createQuery(hql, Object[].class);
            params.forEach(rowsQuery::setParameter);
            var bidsQuery = session.createQuery(bidsHql, Object[].class);
            params.forEach((k, v) -> {
                if (!k.equals("won") && !k.equals("lost")) {
                    bidsQuery.setParameter(k, v);
                }
            });
            bidsQuery.setParameter("bidding", OpportunityStage.BIDDING);
            return rowsQuery.getResultList().chain(rows -> bidsQuery.getResultList().map(bidRows -> new Funnel(
                    by == null ? "source" : by,
                    rows.stream().map(r -> {
                        long total = n(r[1]);
                        long won = n(r[2]);
                        long lost = n(r[3]);
                        return new FunnelRow(r[0] == null ? "(none)" : r[0].toString(), total, total - won - lost, won,
                                lost, total == 0 ? 0.0 : Math.round(10000.0 * won / total) / 10000.0);
                    }).toList(),
                    bidRows.stream().map(r -> new BidderRow((String) r[0], n(r[1]), n(r[2]),
                            n(r[1]) == 0 ? 0.0 : Math.round(10000.0 * n(r[2]) / n(r[1])) / 10000.0)).toList())));
        });
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    public static Summary summary(Opportunity o) {
        return new Summary(o.id, o.stage, o.source, o.customerId, o.prospectName, o.region, o.industry, o.productLine,
                o.intent, o.valueTier, o.score, o.estimatedMonthlyValue, o.ownerId, o.teamId, o.biddingClosesAt,
                o.signalCount, o.createdAt, o.updatedAt);
    }
}

package io.esop.opportunity.opportunity.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.esop.contracts.EventTypes;
import io.esop.contracts.opportunity.OpportunityAwarded;
import io.esop.contracts.opportunity.OpportunityCollaborationChanged;
import io.esop.contracts.opportunity.OpportunityConverted;
import io.esop.contracts.opportunity.OpportunityStage;
import io.esop.contracts.opportunity.OpportunityStageChanged;
import io.esop.contracts.signal.Prospect;
import io.esop.contracts.signal.Signal;
import io.esop.contracts.signal.SignalSource;
import io.esop.eventing.outbox.Outbox;
import io.esop.opportunity.common.Caller;
import io.esop.opportunity.opportunity.Bid;
import io.esop.opportunity.opportunity.Opportunity.CollaborationStatus;
import io.esop.opportunity.opportunity.Opportunity;
import io.esop.opportunity.opportunity.StageMachine;
import io.esop.opportunity.opportunity.rest.OpportunityRequests.AssignRequest;
import io.esop.opportunity.opportunity.rest.OpportunityRequests.AwardRequest;
import io.esop.opportunity.opportunity.rest.OpportunityRequests.BidRequest;
import io.esop.opportunity.opportunity.rest.OpportunityRequests.ConvertRequest;
import io.esop.opportunity.opportunity.rest.OpportunityRequests.FieldCapture;
import io.esop.opportunity.opportunity.rest.OpportunityRequests.InviteRequest;
import io.esop.opportunity.opportunity.rest.OpportunityRequests.StageChange;
import io.esop.opportunity.readmodel.StaffView;
import io.esop.web.Conflict;
import io.esop.web.Forbidden;
import io.esop.web.InvalidInput;
import io.esop.web.NotFound;
import io.esop.web.Unprocessable;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * What people do to opportunities. Each command locks the opportunity row, checks scope (404), role
 * (403) and state (409 / 422), changes it and writes its event in the same transaction.
 */
@ApplicationScoped
public class OpportunityCommands {

    private final OpportunityEvents events;
    private final OpportunityAssigner assigner;
    private final Outbox outbox;

    public OpportunityCommands(OpportunityEvents events, OpportunityAssigner assigner, Outbox outbox) {
        this.events = events;
        this.assigner = assigner;
        this.outbox = outbox;
    }

    private static Uni<Opportunity> load(Caller c, String id) {
        return Opportunity.<Opportunity>findById(id, LockModeType.PESSIMISTIC_WRITE).map(o -> {
            if (o == null || !OpportunityQueries.visible(o, c)) {
                throw new NotFound("opportunity", id);
            }
            return o;
        });
    }

    private static boolean directs(Caller c, Opportunity o) {
        return c.isAdmin() || (c.isDirector() && o.teamId != null && o.teamId.equals(c.team()));
    }

    @WithTransaction
    public Uni<Opportunity> changeStage(Caller c, String id, StageChange request) {
        return load(c, id).chain(o -> {
            if (!c.username().equals(o.ownerId) && !directs(c, o)) {
                throw new Forbidden("only the owner or the team's director moves the stage");
            }
            OpportunityStage to = request.stage();
            if (!StageMachine.canProgress(o.stage, to)) {
                throw new Conflict("stage", "cannot move from " + o.stage + " to " + to + "; allowed: "
                        + StageMachine.nextForOwner(o.stage));
            }
            String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().trim();
            if (to == OpportunityStage.LOST && reason == null) {
                throw new Unprocessable("reason", "a lost opportunity needs a reason");
            }
            OpportunityStage from = o.stage;
            o.stage = to;
            if (to.isClosed()) {
                o.mergeable = false; // later signals start a new opportunity
            }
            if (to == OpportunityStage.LOST) {
                o.lostReason = reason;
            }
            return events.emit(o, EventTypes.OPPORTUNITY_STAGE_CHANGED, seq -> new OpportunityStageChanged(o.id, seq,
                    from, to, reason, o.ownerId, c.username(), o.customerId, o.productLine, o.valueTier,
                    OpportunityEvents.now(), o.creditSplit()), c.username(), from + " → " + to + (reason == null ? "" : ": " + reason))
                    .replaceWith(o);
        });
    }

    @WithTransaction
    public Uni<Bid> bid(Caller c, String id, BidRequest request) {
        return load(c, id).chain(o -> {
            if (o.stage != OpportunityStage.BIDDING || !o.eligibleManagers().contains(c.username())) {
                throw new Conflict("stage", "not open for your bid (stage " + o.stage + ")");
            }
            Instant now = OpportunityEvents.now();
            if (!now.isBefore(o.biddingClosesAt)) {
                throw new Conflict("biddingClosesAt", "bidding closed at " + o.biddingClosesAt);
            }
            return Bid.count("opportunityId = ?1 and bidderId = ?2", id, c.username()).chain(existing -> {
                if (existing > 0) {
                    throw new Conflict("bidderId", "you already bid for this opportunity");
                }
                return assigner.abilityOf(c.username(), o).chain(ability -> {
                    Bid bid = new Bid();
                    bid.id = "bid-" + UUID.randomUUID();
                    bid.opportunityId = id;
                    bid.bidderId = c.username();
                    bid.plan = request.plan();
                    bid.proposedFirstContact = request.proposedFirstContact();
                    bid.ability = ability;
                    bid.submittedAt = now;
                    return bid.<Bid>persist().call(() -> events.note(id, null, "bid", c.username(),
                            "bid by " + c.username() + ", first contact " + request.proposedFirstContact()));
                });
            });
        });
    }

    @WithTransaction
    public Uni<Opportunity> award(Caller c, String id, AwardRequest request) {
        return load(c, id).chain(o -> {
            if (!directs(c, o)) {
                throw new Forbidden("only the team's director awards a bid");
            }
            if (o.stage != OpportunityStage.BIDDING) {
                throw new Conflict("stage", "not in bidding (stage " + o.stage + ")");
            }
            return Bid.<Bid>find("opportunityId = ?1 and bidderId = ?2", id, request.bidderId()).firstResult()
                    .chain(bid -> {
                        if (bid == null) {
                            throw new Unprocessable("bidderId", request.bidderId() + " did not bid");
                        }
                        String reason = request.reason() == null || request.reason().isBlank()
                                ? "awarded by the director" : request.reason().trim();
                        return awardTo(o, bid.bidderId, reason, c.username());
                    });
        });
    }

    /** Ends bidding: the winner owns the opportunity; used by directors and by the closing job. */
    public Uni<Opportunity> awardTo(Opportunity o, String winner, String reason, String awardedBy) {
        return StaffView.<StaffView>findById(winner).chain(staff -> {
            o.ownerId = winner;
            if (staff != null) {
                o.teamId = staff.teamId;
            }
            o.stage = OpportunityStage.ASSIGNED;
            o.awardReason = reason;
            o.awardedBy = awardedBy;
            o.assignmentReason = "won the bidding: " + reason;
            return events.emit(o, EventTypes.OPPORTUNITY_AWARDED, seq -> new OpportunityAwarded(o.id, seq, winner,
                    o.teamId, reason, awardedBy, o.creditSplit(), o.customerId, o.productLine, o.valueTier,
                    OpportunityEvents.now()), awardedBy, "awarded to " + winner + " by " + awardedBy + ": " + reason)
                    .replaceWith(o);
        });
    }

    @WithTransaction
    public Uni<Opportunity> assign(Caller c, String id, AssignRequest request) {
        return load(c, id).chain(o -> {
            if (!directs(c, o)) {
                throw new Forbidden("only the team's director assigns from the queue");
            }
            if (!StageMachine.canPlace(o.stage, OpportunityStage.ASSIGNED) || o.stage == OpportunityStage.BIDDING) {
                throw new Conflict("stage", "only an opportunity in the director queue is assigned by hand");
            }
            return StaffView.<StaffView>findById(request.ownerId()).chain(staff -> {
                String team = staff != null ? staff.teamId : o.teamId;
                String reason = request.reason() == null || request.reason().isBlank() ? "assigned by the director"
                        : request.reason().trim();
                return assigner.assign(o, request.ownerId(), team, reason, c.username()).replaceWith(o);
            });
        });
    }

    @WithTransaction
    public Uni<Opportunity> invite(Caller c, String id, InviteRequest request) {
        return load(c, id).chain(o -> {
            if (!c.username().equals(o.ownerId)) {
                throw new Forbidden("only the owner invites a collaborator");
            }
            if (o.stage.isClosed()) {
                throw new Conflict("stage", "the opportunity is " + o.stage);
            }
            if (request.partnerId().equals(o.ownerId)) {
                throw new Unprocessable("partnerId", "the partner must not be the owner");
            }
            if (request.ownerSharePercent() + request.partnerSharePercent() != 100) {
                throw new Unprocessable("partnerSharePercent", "ownerSharePercent + partnerSharePercent must be 100, was "
                        + request.ownerSharePercent() + " + " + request.partnerSharePercent());
            }
            if (o.collaborationStatus == CollaborationStatus.ACCEPTED) {
                throw new Conflict("partnerId", "a partner already collaborates on it");
            }
            o.partnerId = request.partnerId();
            o.ownerSharePercent = request.ownerSharePercent();
            o.partnerSharePercent = request.partnerSharePercent();
            o.collaborationStatus = CollaborationStatus.INVITED;
            o.updatedAt = OpportunityEvents.now();
            return events.note(id, null, "collaboration-invited", c.username(), "invited " + request.partnerId()
                    + " (" + request.ownerSharePercent() + "/" + request.partnerSharePercent() + ")").replaceWith(o);
        });
    }

    @WithTransaction
    public Uni<Opportunity> answer(Caller c, String id, boolean accept) {
        return load(c, id).chain(o -> {
            if (o.collaborationStatus != CollaborationStatus.INVITED || !c.username().equals(o.partnerId)) {
                throw new Conflict("partnerId", "no open invitation for you");
            }
            if (!accept) {
                o.partnerId = null;
                o.ownerSharePercent = 100;
                o.partnerSharePercent = 0;
                o.collaborationStatus = CollaborationStatus.NONE;
                o.updatedAt = OpportunityEvents.now();
                return events.note(id, null, "collaboration-declined", c.username(), c.username() + " declined")
                        .replaceWith(o);
            }
            o.collaborationStatus = CollaborationStatus.ACCEPTED;
            return events.emit(o, EventTypes.OPPORTUNITY_COLLABORATION_CHANGED, seq -> new OpportunityCollaborationChanged(
                    o.id, seq, o.creditSplit(), c.username(), OpportunityEvents.now()), c.username(),
                    c.username() + " accepted: " + o.ownerSharePercent + "/" + o.partnerSharePercent).replaceWith(o);
        });
    }

    @WithTransaction
    public Uni<Opportunity> convert(Caller c, String id, ConvertRequest request) {
        return load(c, id).chain(o -> {
            if (!c.username().equals(o.ownerId) && !directs(c, o)) {
                throw new Forbidden("only the owner or the team's director converts");
            }
            if (o.stage != OpportunityStage.WON) {
                throw new Conflict("stage", "only a WON opportunity converts (stage " + o.stage + ")");
            }
            if (o.convertedAt != null) {
                throw new Conflict("convertedAt", "already converted at " + o.convertedAt);
            }
            String customerId = o.customerId != null ? o.customerId : request == null ? null : request.customerId();
            if (customerId == null || customerId.isBlank()) {
                throw new Unprocessable("customerId", "register the prospect as a customer and name it");
            }
            o.customerId = customerId;
            o.convertedAt = OpportunityEvents.now();
            o.applicationNo = request == null ? null : request.applicationNo();
            return events.emit(o, EventTypes.OPPORTUNITY_CONVERTED, seq -> new OpportunityConverted(o.id, seq,
                    customerId, o.productLine, o.valueTier, o.estimatedMonthlyValue, o.creditSplit(), o.applicationNo,
                    o.convertedAt), c.username(), "converted for customer " + customerId).replaceWith(o);
        });
    }

    /** A manager's field visit becomes a FIELD_VISIT signal, on esop.signals.v1 through the outbox. */
    @WithTransaction
    public Uni<String> capture(Caller c, FieldCapture request) {
        if (!c.isManager()) {
            throw new Forbidden("field capture is for customer managers");
        }
        if ((request.customerId() == null || request.customerId().isBlank()) && request.prospect() == null) {
            throw new InvalidInput("customerId", "name a customerId or a prospect");
        }
        var p = request.prospect();
        Prospect prospect = p == null ? null
                : new Prospect(p.name(), p.creditCode(), p.region(), p.industry(), p.contactName(), p.contactPhone());
        Instant now = OpportunityEvents.now();
        Signal signal = new Signal("sig-" + UUID.randomUUID(), SignalSource.FIELD_VISIT,
                request.customerId() == null || request.customerId().isBlank() ? null : request.customerId(), prospect,
                request.productLine(), request.intent(), request.strength() == null ? 0.8 : request.strength(),
                request.estimatedMonthlyValue(), now, request.detail(), c.username(), now);
        return outbox.append(EventTypes.SIGNAL_RECEIVED, signal).replaceWith(signal.signalId());
    }
}

package io.esop.order.application.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.esop.contracts.EventTypes;
import io.esop.contracts.StaffRole;
import io.esop.contracts.order.ApprovalDecided;
import io.esop.contracts.order.ApprovalDecision;
import io.esop.contracts.order.ApprovalKind;
import io.esop.contracts.order.ApprovalRequested;
import io.esop.eventing.outbox.Outbox;
import io.esop.order.agreement.service.AgreementService;
import io.esop.order.application.Application;
import io.esop.order.application.ApplicationItem;
import io.esop.order.application.ApplicationStatus;
import io.esop.order.application.Approval;
import io.esop.order.application.ApprovalChain;
import io.esop.order.application.ApprovalStatus;
import io.esop.order.application.config.OrderConfig;
import io.esop.order.application.mapping.ApplicationMapper;
import io.esop.order.application.rest.ApprovalView;
import io.esop.web.Conflict;
import io.esop.web.Cursor;
import io.esop.order.common.DataScope;
import io.esop.web.InvalidInput;
import io.esop.web.NotFound;
import io.esop.web.Page;
import io.esop.order.common.Roles;
import io.esop.order.directory.StaffRef;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Price-negotiation and resource pre-reservation approvals. Submitting starts a round: the price chain runs
 * step by step (the configured approvers for the highest discount asked), resource pre-reservation by back
 * office runs beside it. All approved → the application is approved and its agreement issued; one rejection
 * → the application goes back to its manager with the reason, and the rest of the round is cancelled.
 */
@ApplicationScoped
public class ApprovalService {

    private final ApprovalChain chain;
    private final Outbox outbox;
    private final AgreementService agreements;

    public ApprovalService(OrderConfig config, Outbox outbox, AgreementService agreements) {
        this.chain = ApprovalChain.parse(config.approval().chain());
        this.outbox = outbox;
        this.agreements = agreements;
    }

    /** Starts a round for a submitted application (inside the caller's transaction). */
    Uni<Application> start(Application a, List<ApplicationItem> items, String requestedBy) {
        a.approvalRound++;
        a.rejectionReason = null;
        Instant now = Instant.now();
        List<Approval> round = new ArrayList<>();
        List<StaffRole> priceApprovers = chain.approversFor(a.maxDiscountPercent);
        for (int i = 0; i < priceApprovers.size(); i++) {
            round.add(approval(a, ApprovalKind.PRICE_NEGOTIATION, priceApprovers.get(i), i + 1,
                    i == 0 ? ApprovalStatus.PENDING : ApprovalStatus.WAITING, now));
        }
        if (items.stream().anyMatch(ApplicationItem::needsResourceReservation)) {
            round.add(approval(a, ApprovalKind.RESOURCE_PRE_RESERVATION, StaffRole.BACK_OFFICE, 0,
                    ApprovalStatus.PENDING, now));
        }
        if (round.isEmpty()) {
            a.moveTo(ApplicationStatus.APPROVED);
            return agreements.issue(a).replaceWith(a);
        }
        a.moveTo(ApplicationStatus.PENDING_APPROVAL);
        return directorOf(a.teamId).chain(director -> Multi.createFrom().iterable(round)
                .onItem().transformToUniAndConcatenate(p -> {
                    if (p.approverRole == StaffRole.SALES_DIRECTOR) {
                        p.approverId = director;
                    }
                    return p.<Approval>persist().chain(() -> p.status == ApprovalStatus.PENDING
                            ? requested(a, p, requestedBy)
                            : Uni.createFrom().voidItem());
                })
                .collect().asList()
                .replaceWith(a));
    }

    /** The pending approvals the caller may decide, oldest first. */
    @WithSession
    public Uni<Page<ApprovalView>> pendingFor(DataScope scope, String cursor, int limit) {
        Map<String, Object> params = new HashMap<>();
        List<String> any = new ArrayList<>();
        if (scope.has(Roles.SALES_DIRECTOR) && scope.team() != null) {
            any.add("(p.approverRole = :director and p.teamId = :team)");
            params.put("director", StaffRole.SALES_DIRECTOR);
            params.put("team", scope.team());
        }
        if (scope.has(Roles.ADMIN)) {
            any.add("p.approverRole = :admin");
            params.put("admin", StaffRole.ADMIN);
        }
        if (scope.has(Roles.BACK_OFFICE)) {
            any.add("p.approverRole = :backOffice");
            params.put("backOffice", StaffRole.BACK_OFFICE);
        }
        if (any.isEmpty()) {
            return Uni.createFrom().item(new Page<>(List.of(), null));
        }
        String after = Cursor.decode(cursor);
        params.put("after", after == null ? 0L : parseId(after));
        params.put("pending", ApprovalStatus.PENDING);
        return Approval.<Approval>find("from Approval p where p.status = :pending and p.id > :after and ("
                + String.join(" or ", any) + ") order by p.id", params)
                .page(0, limit + 1).list()
                .map(rows -> Page.of(rows, limit, p -> String.valueOf(p.id), ApplicationMapper::view));
    }

    @WithTransaction
    public Uni<ApprovalView> decide(String approvalId, ApprovalDecision decision, String comment, DataScope scope) {
        if (decision == ApprovalDecision.REJECTED && (comment == null || comment.isBlank())) {
            throw new InvalidInput("comment", "a rejection needs the reason for the manager");
        }
        long id = approvalId.startsWith("APV-") ? parseId(approvalId.substring(4)) : -1;
        return Approval.<Approval>findById(id).chain(p -> {
            if (p == null || !mayDecide(p, scope)) {
                throw new NotFound("approval", approvalId);
            }
            if (p.status != ApprovalStatus.PENDING) {
                throw new Conflict("approval " + approvalId + " is " + p.status + ", not pending");
            }
            return Application.<Application>findById(p.applicationNo).chain(a -> {
                Instant now = Instant.now();
                p.status = decision == ApprovalDecision.APPROVED ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED;
                p.decidedBy = scope.username();
                p.comment = comment;
                p.decidedAt = now;
                a.updatedAt = now;
                ApprovalDecided decided = new ApprovalDecided(p.approvalId(), a.applicationNo, a.nextSequence(),
                        p.kind, decision, scope.username(), comment, a.customerId, now);
                return outbox.append(EventTypes.APPROVAL_DECIDED, decided)
                        .chain(() -> Approval.<Approval>find("applicationNo = ?1 and round = ?2 order by step, id",
                                a.applicationNo, a.approvalRound).list())
                        .chain(round -> decision == ApprovalDecision.REJECTED ? reject(a, round, comment)
                                : advance(a, p, round, scope.username()));
            }).replaceWith(p);
        }).map(ApplicationMapper::view);
    }

    private Uni<Void> reject(Application a, List<Approval> round, String reason) {
        round.stream().filter(o -> o.status == ApprovalStatus.PENDING || o.status == ApprovalStatus.WAITING)
                .forEach(o -> o.status = ApprovalStatus.CANCELLED);
        a.rejectionReason = reason;
        a.moveTo(ApplicationStatus.REJECTED);
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> advance(Application a, Approval decided, List<Approval> round, String by) {
        if (decided.kind == ApprovalKind.PRICE_NEGOTIATION) {
            Approval next = round.stream()
                    .filter(o -> o.kind == ApprovalKind.PRICE_NEGOTIATION && o.status == ApprovalStatus.WAITING)
                    .findFirst().orElse(null);
            if (next != null) {
                next.status = ApprovalStatus.PENDING;
                next.requestedAt = Instant.now();
                return requested(a, next, a.ownerId);
            }
        }
        if (round.stream().allMatch(o -> o.status == ApprovalStatus.APPROVED)) {
            a.moveTo(ApplicationStatus.APPROVED);
            return agreements.issue(a).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> requested(Application a, Approval p, String requestedBy) {
        boolean price = p.kind == ApprovalKind.PRICE_NEGOTIATION;
        ApprovalRequested event = new ApprovalRequested(p.approvalId(), a.applicationNo, a.nextSequence(), p.kind,
                p.approverId, p.approverRole, a.customerId, a.productLine, a.valueTier, requestedBy,
                price ? a.maxDiscountPercent : null, price ? a.monthlyValue : null,
                price ? "discount " + a.maxDiscountPercent.toPlainString() + " %" : "resource pre-reservation",
                p.requestedAt);
        return outbox.append(EventTypes.APPROVAL_REQUESTED, event).replaceWithVoid();
    }

    private static boolean mayDecide(Approval p, DataScope scope) {
        return switch (p.approverRole) {
            case SALES_DIRECTOR -> scope.has(Roles.SALES_DIRECTOR) && scope.team() != null
                    && scope.team().equals(p.teamId);
            case ADMIN -> scope.has(Roles.ADMIN);
            case BACK_OFFICE -> scope.has(Roles.BACK_OFFICE);
            default -> false;
        };
    }

    private static Approval approval(Application a, ApprovalKind kind, StaffRole role, int step, ApprovalStatus status,
            Instant now) {
        Approval p = new Approval();
        p.applicationNo = a.applicationNo;
        p.round = a.approvalRound;
        p.step = step;
        p.kind = kind;
        p.approverRole = role;
        p.teamId = a.teamId;
        p.status = status;
        p.discountPercent = kind == ApprovalKind.PRICE_NEGOTIATION ? a.maxDiscountPercent : null;
        p.requestedAt = now;
        return p;
    }

    /** The team's active director from the staff read model, when known. */
    private static Uni<String> directorOf(String teamId) {
        if (teamId == null) {
            return Uni.createFrom().nullItem();
        }
        return StaffRef.<StaffRef>find("teamId = ?1 and role = ?2 and active = true order by staffId", teamId,
                StaffRole.SALES_DIRECTOR.name()).firstResult().map(s -> s == null ? null : s.staffId);
    }

    private static long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

package io.esop.order.agreement.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.esop.order.agreement.Agreement;
import io.esop.order.agreement.AgreementStatus;
import io.esop.order.agreement.mapping.AgreementDocument;
import io.esop.order.agreement.rest.AgreementView;
import io.esop.order.application.Application;
import io.esop.order.application.ApplicationStatus;
import io.esop.order.application.mapping.ApplicationMapper;
import io.esop.web.Conflict;
import io.esop.web.Cursor;
import io.esop.order.common.DataScope;
import io.esop.web.Forbidden;
import io.esop.web.NotFound;
import io.esop.web.Page;
import io.esop.order.common.Roles;
import io.esop.order.common.service.TraceNumbers;
import io.esop.order.order.service.OrderService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Agreements: issued on approval, read by staff in scope and by the customer, signed once (which orders). */
@ApplicationScoped
public class AgreementService {

    private final ApplicationMapper mapper;
    private final OrderService orders;

    public AgreementService(ApplicationMapper mapper, OrderService orders) {
        this.mapper = mapper;
        this.orders = orders;
    }

    /** Issues the agreement of an application just approved (inside the caller's transaction). */
    public Uni<Agreement> issue(Application a) {
        Agreement g = new Agreement();
        g.agreementNo = TraceNumbers.AGREEMENT + TraceNumbers.traceOf(a.applicationNo);
        g.applicationNo = a.applicationNo;
        g.customerId = a.customerId;
        g.ownerId = a.ownerId;
        g.accountManagerId = a.accountManagerId;
        g.teamId = a.teamId;
        g.status = AgreementStatus.ISSUED;
        g.issuedAt = Instant.now();
        return g.persist();
    }

    @WithSession
    public Uni<AgreementView> get(String agreementNo, DataScope scope) {
        return load(agreementNo, scope).chain(this::view);
    }

    @WithSession
    public Uni<Page<AgreementView>> list(AgreementStatus status, String cursor, int limit, DataScope scope) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(scope.condition("g", params, true));
        if (status != null) {
            where.append(" and g.status = :status");
            params.put("status", status);
        }
        String after = Cursor.decode(cursor);
        if (after != null) {
            where.append(" and g.agreementNo < :after");
            params.put("after", after);
        }
        return Agreement.<Agreement>find("from Agreement g where " + where + " order by g.agreementNo desc", params)
                .page(0, limit + 1).list()
                .chain(rows -> {
                    java.util.List<Agreement> shown = rows.size() > limit ? rows.subList(0, limit) : rows;
                    return io.smallrye.mutiny.Multi.createFrom().iterable(shown)
                            .onItem().transformToUniAndConcatenate(this::view)
                            .collect().asList()
                            .map(views -> new Page<>(views,
                                    rows.size() > limit ? Cursor.encode(shown.get(shown.size() - 1).agreementNo) : null));
                });
    }

    /**
     * Records the signature: the enterprise customer of that company, or the manager on site. Signing creates the
     * order in the same transaction.
     */
    @WithTransaction
    public Uni<AgreementView> sign(String agreementNo, DataScope scope) {
        return load(agreementNo, scope).chain(g -> {
            boolean customer = scope.isEnterpriseCustomerOf(g.customerId);
            boolean manager = scope.has(Roles.CUSTOMER_MANAGER)
                    && (scope.username().equals(g.ownerId) || scope.username().equals(g.accountManagerId));
            if (!customer && !manager) {
                throw new Forbidden("only the customer or its customer manager may sign agreement " + agreementNo);
            }
            if (!g.status.canMoveTo(AgreementStatus.SIGNED)) {
                throw new Conflict("agreement " + agreementNo + " is already signed");
            }
            return Application.<Application>findById(g.applicationNo).chain(a -> {
                Instant now = Instant.now();
                g.status = AgreementStatus.SIGNED;
                g.signedBy = scope.username();
                g.signedAt = now;
                a.moveTo(ApplicationStatus.ORDERED);
                return orders.create(a, g, scope.username()).invoke(order -> g.orderId = order.orderId)
                        .replaceWith(g);
            });
        }).chain(this::view);
    }

    public Uni<Agreement> load(String agreementNo, DataScope scope) {
        return Agreement.<Agreement>findById(agreementNo).map(g -> {
            if (g == null || !scope.sees(g, true)) {
                throw new NotFound("agreement", agreementNo);
            }
            return g;
        });
    }

    public Uni<AgreementView> view(Agreement g) {
        return Application.<Application>findById(g.applicationNo).map(a -> new AgreementView(g.agreementNo,
                g.applicationNo, g.status, a.customerId, a.customerName, a.ownerId, ApplicationMapper.creditSplit(a),
                ApplicationMapper.customerFacing(mapper.items(a)), a.listTotal, a.monthlyValue, a.maxDiscountPercent,
                a.requestedCompletionDate, AgreementDocument.TERMS, g.issuedAt, g.signedBy, g.signedAt, g.orderId));
    }
}

package io.esop.order.trace.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.esop.order.agreement.Agreement;
import io.esop.order.agreement.service.AgreementService;
import io.esop.order.application.Application;
import io.esop.order.application.Approval;
import io.esop.order.application.mapping.ApplicationMapper;
import io.esop.order.common.DataScope;
import io.esop.web.NotFound;
import io.esop.order.common.service.TraceNumbers;
import io.esop.order.order.CustomerOrder;
import io.esop.order.order.service.OrderService;
import io.esop.order.trace.rest.TraceView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Resolves an application, agreement or order number to the whole chain it belongs to. */
@ApplicationScoped
public class TraceService {

    private final ApplicationMapper mapper;
    private final AgreementService agreements;
    private final OrderService orders;

    public TraceService(ApplicationMapper mapper, AgreementService agreements, OrderService orders) {
        this.mapper = mapper;
        this.agreements = agreements;
        this.orders = orders;
    }

    @WithSession
    public Uni<TraceView> trace(String number, DataScope scope) {
        String trace = TraceNumbers.traceOf(number);
        if (trace == null) {
            throw new NotFound("trace", number);
        }
        String applicationNo = TraceNumbers.APPLICATION + trace;
        return Application.<Application>findById(applicationNo).chain(a -> {
            boolean staff = a != null && scope.sees(a, false);
            if (a == null || !staff && !scope.isEnterpriseCustomerOf(a.customerId)) {
                throw new NotFound("trace", number);
            }
            Uni<List<Approval>> approvals = staff
                    ? Approval.<Approval>find("applicationNo = ?1 order by round, step, id", applicationNo).list()
                    : Uni.createFrom().item(List.of());
            return approvals.chain(list -> Agreement.<Agreement>findById(TraceNumbers.AGREEMENT + trace)
                    .chain(g -> g == null ? Uni.createFrom().nullItem() : agreements.view(g))
                    .chain(agreement -> CustomerOrder.<CustomerOrder>findById(TraceNumbers.ORDER + trace)
                            .chain(o -> o == null ? Uni.createFrom().<io.esop.order.order.rest.OrderView>nullItem()
                                    : orders.timeline(o.orderId).map(t -> OrderService.view(o, t)))
                            .map(order -> new TraceView(trace,
                                    staff ? mapper.view(a, list, scope.readsAll()) : null,
                                    staff ? list.stream().map(ApplicationMapper::view).toList() : null,
                                    agreement, order))));
        });
    }
}

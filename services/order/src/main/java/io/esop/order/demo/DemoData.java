package io.esop.order.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import io.esop.order.agreement.service.AgreementService;
import io.esop.order.application.config.OrderConfig;
import io.esop.order.application.rest.ApplicationRequest;
import io.esop.order.application.service.ApplicationService;
import io.esop.order.common.DataScope;
import io.esop.order.common.Roles;
import io.esop.order.common.service.TraceNumbers;
import io.esop.order.directory.CustomerRef;
import io.esop.order.order.CustomerOrder;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Demo data for the local stack ({@code ESOP_DEMO_DATA=true}): once the customer read model knows ACME and no
 * application for it exists, cm-zhang applies for a cloud host (no discount: approved at once) which ent-acme
 * signs — an order the simulator then moves — and for a dedicated line at 12 %, left waiting for dir-wang and
 * bo-chen. Made through the services, so every event goes out through the outbox like any change.
 */
@ApplicationScoped
public class DemoData {

    static final String ACME = "cust-acme";

    private static final DataScope MANAGER = new DataScope("cm-zhang", Set.of(Roles.CUSTOMER_MANAGER), "310000",
            "sh-enterprise", null);
    private static final DataScope CUSTOMER = new DataScope("ent-acme", Set.of(Roles.ENTERPRISE_CUSTOMER), null, null,
            ACME);

    private final boolean enabled;
    private final ApplicationService applications;
    private final AgreementService agreements;
    private final AtomicBoolean done = new AtomicBoolean();

    public DemoData(OrderConfig config, ApplicationService applications, AgreementService agreements) {
        this.enabled = config.demoData();
        this.applications = applications;
        this.agreements = agreements;
    }

    // the customer read model fills asynchronously: look again until ACME is there
    @Scheduled(every = "10s", delayed = "5s", identity = "esop-order-demo-data",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> load() {
        if (!enabled || done.get()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withSession(() -> CustomerRef.<CustomerRef>findById(ACME)
                // an ACME order means the demo ran; drafts alone may come from converted opportunities
                .chain(acme -> acme == null ? Uni.createFrom().item(-1L) : CustomerOrder.count("customerId", ACME)))
                .chain(count -> {
                    if (count < 0) {
                        Log.debug("Demo data: waiting for cust-acme in the customer read model");
                        return Uni.createFrom().voidItem();
                    }
                    done.set(true);
                    return count > 0 ? Uni.createFrom().voidItem() : create();
                })
                .onFailure().invoke(e -> {
                    done.set(false);
                    Log.warnf(e, "Demo data not loaded yet; retrying");
                })
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> create() {
        ApplicationRequest cloud = new ApplicationRequest(ACME, LocalDate.now(TraceNumbers.ZONE).plusDays(14),
                List.of(new ApplicationRequest.Item("CLOUD_HOST", null, 4, Map.of("vcpu", 8, "memoryGb", 32), new BigDecimal("1200.00"),
                        BigDecimal.ZERO)));
        ApplicationRequest line = new ApplicationRequest(ACME, LocalDate.now(TraceNumbers.ZONE).plusDays(30),
                List.of(new ApplicationRequest.Item("DEDICATED_INTERNET_LINE", null, 1,
                        Map.of("bandwidthMbps", 500, "siteAddress", "88 Century Avenue, Pudong, Shanghai"),
                        new BigDecimal("9800.00"), new BigDecimal("12"))));
        return applications.create(cloud, MANAGER)
                .chain(app -> applications.submit(app.applicationNo(), MANAGER))
                .chain(app -> agreements.sign(TraceNumbers.AGREEMENT + TraceNumbers.traceOf(app.applicationNo()), CUSTOMER))
                .invoke(agreement -> Log.infof("Demo data: order %s signed by ent-acme", agreement.orderId()))
                .chain(() -> applications.create(line, MANAGER))
                .chain(app -> applications.submit(app.applicationNo(), MANAGER))
                .invoke(app -> Log.infof("Demo data: %s waits for dir-wang and bo-chen", app.applicationNo()))
                .replaceWithVoid();
    }
}

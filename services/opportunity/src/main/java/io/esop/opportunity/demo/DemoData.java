package io.esop.opportunity.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.esop.contracts.EventTypes;
import io.esop.contracts.Industry;
import io.esop.contracts.ProductLine;
import io.esop.contracts.opportunity.OpportunityStage;
import io.esop.contracts.signal.Intent;
import io.esop.contracts.signal.Prospect;
import io.esop.contracts.signal.Signal;
import io.esop.contracts.signal.SignalSource;
import io.esop.eventing.outbox.Outbox;
import io.esop.opportunity.common.Caller;
import io.esop.opportunity.config.OpportunityConfig;
import io.esop.opportunity.opportunity.Opportunity;
import io.esop.opportunity.opportunity.SignalRecord;
import io.esop.opportunity.opportunity.rest.OpportunityRequests.BidRequest;
import io.esop.opportunity.opportunity.rest.OpportunityRequests.StageChange;
import io.esop.opportunity.opportunity.service.OpportunityCommands;
import io.esop.opportunity.readmodel.CustomerView;
import io.esop.opportunity.readmodel.StaffView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Demo data for the local stack ({@code ESOP_DEMO_DATA=true}): once the read models know the demo customers and
 * managers, six signals go to {@code esop.signals.v1} through the outbox and the real pipeline turns them into
 * opportunities for cm-zhang, cm-wu and cm-li (one merged, one prospect opened for bidding); then their owners
 * move some along (contacted, qualified, proposal) and cm-zhang bids on the open one. The signal ids are fixed,
 * so publishing them again (a restart) has no effect.
 */
@ApplicationScoped
public class DemoData {

    private static final Caller ZHANG = new Caller("cm-zhang", Set.of(Caller.CUSTOMER_MANAGER), "310000", "sh-enterprise");
    private static final Caller WU = new Caller("cm-wu", Set.of(Caller.CUSTOMER_MANAGER), "310000", "sh-enterprise");
    private static final Caller LI = new Caller("cm-li", Set.of(Caller.CUSTOMER_MANAGER), "330100", "hz-government");
    private static final List<String> CUSTOMERS = List.of("cust-acme", "cust-0001", "cust-0002", "cust-0003");
    private static final List<String> MANAGERS = List.of("cm-zhang", "cm-wu", "cm-li");

    private final boolean enabled;
    private final Outbox outbox;
    private final OpportunityCommands commands;
    private final AtomicBoolean published = new AtomicBoolean();
    private final AtomicBoolean done = new AtomicBoolean();

    public DemoData(OpportunityConfig config, Outbox outbox, OpportunityCommands commands) {
        this.enabled = config.demoData();
        this.outbox = outbox;
        this.commands = commands;
    }

    @Scheduled(every = "10s", delayed = "5s", identity = "esop-opportunity-demo-data",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> load() {
        if (!enabled || done.get()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withSession(() -> CustomerView.count("customerId in ?1", CUSTOMERS)
                .chain(customers -> StaffView.count("staffId in ?1", MANAGERS).map(staff -> customers == CUSTOMERS.size()
                        && staff == MANAGERS.size()))
                .chain(ready -> SignalRecord.count("signalId like 'demo-sig-%'").map(n -> ready ? n : -1L)))
                .chain(recorded -> {
                    if (recorded < 0) {
                        Log.debug("Demo data: waiting for the demo customers and managers in the read models");
                        return Uni.createFrom().voidItem();
                    }
                    if (recorded == 0 && published.compareAndSet(false, true)) {
                        return publish();
                    }
                    if (recorded < signals().size()) {
                        return Uni.createFrom().voidItem(); // the pipeline is on it
                    }
                    done.set(true);
                    return progress();
                })
                .onFailure().invoke(e -> Log.warnf(e, "Demo data not loaded yet; retrying"))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> publish() {
        Log.info("Demo data: publishing demo signals through the pipeline");
        return Panache.withTransaction(() -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Signal s : signals()) {
                chain = chain.chain(() -> outbox.append(EventTypes.SIGNAL_RECEIVED, s).replaceWithVoid());
            }
            return chain;
        });
    }

    /** Each step once, from the stage the pipeline left the opportunity in; a step that does not apply is skipped. */
    private Uni<Void> progress() {
        LocalDate soon = LocalDate.now().plusDays(2);
        return step("demo-sig-1", OpportunityStage.ASSIGNED, ZHANG, OpportunityStage.CONTACTED, OpportunityStage.QUALIFIED,
                OpportunityStage.PROPOSAL)
                .chain(() -> step("demo-sig-3", OpportunityStage.ASSIGNED, WU, OpportunityStage.CONTACTED))
                .chain(() -> step("demo-sig-4", OpportunityStage.ASSIGNED, LI, OpportunityStage.CONTACTED,
                        OpportunityStage.QUALIFIED))
                .chain(() -> opportunityOf("demo-sig-5").chain(o -> o == null || o.stage != OpportunityStage.BIDDING
                        || !o.eligibleManagers().contains(ZHANG.username()) ? Uni.createFrom().voidItem()
                        : quietly(() -> commands.bid(ZHANG, o.id, new BidRequest(
                                "Visit the plant in Lingang this week with a cloud architect; pilot two production lines "
                                        + "on a managed private cloud, then the group.", soon)).replaceWithVoid())))
                .invoke(() -> Log.info("Demo data: opportunities for cm-zhang, cm-wu and cm-li in place"));
    }

    private Uni<Void> step(String signalId, OpportunityStage from, Caller owner, OpportunityStage... stages) {
        return opportunityOf(signalId).chain(o -> {
            if (o == null || o.stage != from || !owner.username().equals(o.ownerId)) {
                return Uni.createFrom().voidItem();
            }
            return quietly(() -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (OpportunityStage stage : stages) {
                    chain = chain.chain(() -> commands.changeStage(owner, o.id, new StageChange(stage, null))
                            .replaceWithVoid());
                }
                return chain;
            });
        });
    }

    private static Uni<Opportunity> opportunityOf(String signalId) {
        return Panache.withSession(() -> SignalRecord.<SignalRecord>findById(signalId)
                .chain(s -> s == null || s.opportunityId == null ? Uni.createFrom().nullItem()
                        : Opportunity.<Opportunity>findById(s.opportunityId)));
    }

    private static Uni<Void> quietly(Supplier<Uni<Void>> step) {
        return Uni.createFrom().<Void>deferred(step::get)
                .onFailure().invoke(e -> Log.warnf("Demo data: a step was skipped: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    static List<Signal> signals() {
        Instant now = Instant.now();
        return List.of(
                new Signal("demo-sig-1", SignalSource.PORTAL_INQUIRY, "cust-acme", null, ProductLine.CLOUD, Intent.EXPAND,
                        0.8, new BigDecimal("15000"), now.minusSeconds(3 * 86_400),
                        "ACME asks on the portal for cloud hosts for its new MES", null, now),
                new Signal("demo-sig-2", SignalSource.BASS_USAGE_SURGE, "cust-0003", null, ProductLine.DEDICATED_LINE,
                        Intent.EXPAND, 0.6, new BigDecimal("8000"), now.minusSeconds(86_400),
                        "dedicated line at 92 % for three weeks", null, now),
                new Signal("demo-sig-3", SignalSource.CONTRACT_EXPIRY, "cust-0001", null, ProductLine.CLOUD, Intent.RENEW,
                        0.7, new BigDecimal("12000"), now.minusSeconds(2 * 86_400),
                        "cloud contract ends in 60 days", null, now),
                new Signal("demo-sig-4", SignalSource.FIELD_VISIT, "cust-0002", null, ProductLine.IDC, Intent.NEW, 0.9,
                        new BigDecimal("30000"), now.minusSeconds(2 * 86_400),
                        "the IT director wants two racks in a Hangzhou data centre", "cm-li", now),
                new Signal("demo-sig-5", SignalSource.PARTNER_REFERRAL, null, new Prospect(
                        "Shanghai Lingang Smart Manufacturing Co., Ltd.", "91310115MA1K4DEM05", "310115",
                        Industry.MANUFACTURING, "Chen Jie", "13916600000"), ProductLine.CLOUD, Intent.NEW, 0.7,
                        new BigDecimal("60000"), now.minusSeconds(86_400),
                        "referred by a system integrator: private cloud for the whole group", null, now),
                new Signal("demo-sig-6", SignalSource.CAMPAIGN_RESPONSE, "cust-acme", null, ProductLine.CLOUD,
                        Intent.EXPAND, 0.5, new BigDecimal("18000"), now.minusSeconds(86_400),
                        "ACME answered the cloud migration campaign", null, now));
    }
}

package io.esop.sla.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;

import io.esop.contracts.Topics;
import io.esop.contracts.opportunity.OpportunityStage;
import io.esop.contracts.sla.SlaSubjectType;
import io.esop.sla.clock.service.ClockQueries;

/**
 * The test engine reads the shared topics from their end ("latest"), so a test must not produce before every
 * partition has its position. This sends a probe to each partition until the engine shows all their clocks,
 * then stops the probes.
 */
public final class Engine {

    private static volatile boolean ready;

    private Engine() {
    }

    public static synchronized void awaitReady(ClockQueries clocks) {
        if (ready) {
            return;
        }
        try (KafkaProducer<String, byte[]> producer = KafkaSupport.producer()) {
            int partitions = producer.partitionsFor(Topics.OPPORTUNITIES).size();
            int orderPartitions = producer.partitionsFor(Topics.ORDERS).size();
            List<Runnable> stops = new ArrayList<>();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                String round = UUID.randomUUID().toString().substring(0, 8);
                List<String> opps = new ArrayList<>();
                List<String> approvals = new ArrayList<>();
                Instant now = Instant.now();
                for (int p = 0; p < partitions; p++) {
                    String id = "probe-opp-" + round + "-" + p;
                    opps.add(id);
                    KafkaSupport.send(producer, Topics.OPPORTUNITIES, p, Events.assigned(id, 1, "cm-zhang",
                            TestPolicies.SLOW_TIER, TestPolicies.LINE, now));
                    int partition = p;
                    stops.add(() -> KafkaSupport.send(producer, Topics.OPPORTUNITIES, partition, Events.stage(id, 2,
                            OpportunityStage.ASSIGNED, OpportunityStage.LOST, TestPolicies.SLOW_TIER,
                            TestPolicies.LINE, Instant.now())));
                }
                for (int p = 0; p < orderPartitions; p++) {
                    String app = "probe-app-" + round + "-" + p;
                    approvals.add(app);
                    KafkaSupport.send(producer, Topics.ORDERS, p, Events.approvalRequested(app, app, 1, "dir-wang",
                            TestPolicies.SLOW_TIER, TestPolicies.LINE, now));
                    int partition = p;
                    stops.add(() -> KafkaSupport.send(producer, Topics.ORDERS, partition,
                            Events.approvalDecided(app, app, 2, Instant.now())));
                }
                try {
                    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() ->
                            opps.stream().allMatch(id -> seen(clocks, SlaSubjectType.OPPORTUNITY, id))
                                    && approvals.stream().allMatch(id -> seen(clocks, SlaSubjectType.APPROVAL, id)));
                    return true;
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    return false;
                }
            });
            stops.forEach(Runnable::run);
        }
        ready = true;
    }

    private static boolean seen(ClockQueries clocks, SlaSubjectType type, String id) {
        try {
            return !clocks.ofSubject(type, id).isEmpty();
        } catch (ClockQueries.EngineNotReady e) {
            return false;
        }
    }
}

package io.esop.sla.policy.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.esop.sla.config.SlaConfig;
import io.esop.sla.policy.service.PolicyService;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;

/**
 * The default matrix is seeded by Flyway; this puts the seeded versions in the outbox once, so that they reach
 * esop.sla-policies.v1 (and the engine's global table) like any admin change.
 */
@ApplicationScoped
public class SeedPolicyPublisher {

    void onStart(@Observes StartupEvent event, PolicyService policies, SlaConfig config) {
        if (!config.publishSeedPolicies()) {
            return;
        }
        try {
            VertxContextSupport.subscribeAndAwait(policies::publishSeeds);
        } catch (Throwable e) {
            Log.errorf(e, "Seeded SLA policies not published yet; they will be at the next start");
        }
    }
}

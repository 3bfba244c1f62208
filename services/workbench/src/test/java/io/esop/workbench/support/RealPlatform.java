package io.esop.workbench.support;

import io.esop.testing.Platform;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The real customer, opportunity and order services (their packaged jars, built earlier in the reactor) for the
 * workbench's end-to-end browser story, each on a free port with its own fresh database ({@code <service>_journey})
 * and its own consumer groups, beside whatever else runs (see {@link Platform}). The customer service loads its
 * demo data (ACME, the staff directory the others read). The SLA service is not started: its panels say it is
 * unavailable, which the story does not need. Logs: target/journey/.
 */
public class RealPlatform implements QuarkusTestResourceLifecycleManager {

    public static final Duration READY = Duration.ofSeconds(150);

    private Platform platform;

    @Override
    public Map<String, String> start() {
        boolean browser = new java.io.File(System.getProperty("esop.chromium", "/usr/bin/chromium")).canExecute()
                && new java.io.File(System.getProperty("esop.chromedriver", "/usr/bin/chromedriver")).canExecute();
        if (!browser) {
            // the story is skipped without a browser (JUnit assumption): do not start the services for nothing
            return Map.of();
        }
        platform = new Platform(Platform.findRoot(), "journey", Path.of("target", "journey").toAbsolutePath());
        // the customer service first: its demo data (published through its outbox) is what the others read
        platform.launch("services/customer", Map.of(), Map.of("ESOP_DEMO_DATA", "true")).awaitReady(READY);
        platform.launch("services/opportunity", Map.of(),
                        // one consumer joins its group in seconds; four rebalance each other for a minute
                        Map.of("ESOP_SIGNAL_CONCURRENCY", "1"))
                .launch("services/order", Map.of("esop.order.demo-data", "false"), Map.of())
                .awaitReady(READY);
        return Map.of(
                "esop.workbench.services.customer", platform.url("customer"),
                "esop.workbench.services.opportunity", platform.url("opportunity"),
                "esop.workbench.services.order", platform.url("order"),
                "esop.workbench.services.sla", "http://localhost:1",
                "quarkus.rest-client.customer.url", platform.url("customer"),
                "quarkus.rest-client.opportunity.url", platform.url("opportunity"),
                "quarkus.rest-client.order.url", platform.url("order"),
                "quarkus.rest-client.sla.url", "http://localhost:1");
    }

    /** Started after the fake customer service of the other tests, so that its URLs are the ones the app uses. */
    @Override
    public int order() {
        return 100;
    }

    @Override
    public void stop() {
        if (platform != null) {
            platform.close();
        }
    }
}

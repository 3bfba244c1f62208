package io.esop.order.application.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the order service, {@code esop.order.*}. */
@ConfigMapping(prefix = "esop.order")
public interface OrderConfig {

    Approval approval();

    /** Load the demo data (./esop up sets ESOP_DEMO_DATA=true; never in production or tests). */
    @WithDefault("false")
    boolean demoData();

    interface Approval {
        /** The price-negotiation chain, see {@link io.esop.order.application.ApprovalChain}. */
        @WithDefault("5:;15:SALES_DIRECTOR;100:SALES_DIRECTOR,ADMIN")
        String chain();
    }
}

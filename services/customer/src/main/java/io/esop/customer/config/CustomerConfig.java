package io.esop.customer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the customer service, {@code esop.customer.*}. */
@ConfigMapping(prefix = "esop.customer")
public interface CustomerConfig {

    /** Load demo customers and staff into empty tables at start-up ({@code ESOP_DEMO_DATA}); never in production. */
    @WithDefault("false")
    boolean demoData();
}

package io.esop.workbench.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The workbench's own settings: where the other services are, and how pages behave. */
@ConfigMapping(prefix = "esop.workbench")
public interface WorkbenchConfig {

    /** Base URLs of the services the pages call with the user's token. */
    Services services();

    /** Seconds between keep-alive events on /live, so proxies do not close an idle stream. */
    @WithDefault("20")
    int liveHeartbeatSeconds();

    /** Customers per page of the search (the customer service allows 1–200). */
    @WithDefault("20")
    int customerPageSize();

    interface Services {
        String customer();

        String opportunity();

        String order();

        String sla();
    }
}

package io.esop.eventing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * No background relay: events stay in the outbox until a test calls {@code relayOnce()}, as after a crash
 * between commit and publish. A small batch size makes a backlog take many batches.
 */
public class RelayDisabledProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "esop.outbox.relay.enabled", "false",
                "esop.outbox.relay.batch-size", "7");
    }
}

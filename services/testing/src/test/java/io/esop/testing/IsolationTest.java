package io.esop.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsolationTest {

    @TempDir
    Path module;

    @Test
    void everyGroupTheRelayTheStreamsAppAndTheRedisPrefixGetTheRunsSuffixTopicsStay() throws IOException {
        configure("""
                quarkus.application.name=esop-opportunity
                quarkus.kafka-streams.application-id=esop-sla
                mp.messaging.incoming.signals-in.topic=esop.signals.v1
                mp.messaging.incoming.signals-in.group.id=esop-opportunity.signals
                %test.mp.messaging.incoming.signals-in.group.id=esop-opportunity-test.signals
                mp.messaging.incoming.staff-in.topic=esop.staff.v1
                mp.messaging.incoming.staff-in.group.id=esop-opportunity-${quarkus.uuid}
                mp.messaging.incoming.orders-in.topic=esop.orders.v1
                mp.messaging.incoming.progress-in.topic=esop.order-progress.v1
                mp.messaging.incoming.progress-in.group.id=${quarkus.application.name}
                mp.messaging.incoming.customers-in.topic=esop.customers.v1
                mp.messaging.incoming.customers-in.group.id=${ESOP_ISOLATION_TEST_UNSET:esop-order}
                mp.messaging.outgoing.events-out.topic=esop.opportunities.v1
                %test.esop.opportunity.redis-prefix=esop:opportunity-test:
                """);

        Isolation isolation = Isolation.of(module, "r1");

        assertThat(isolation.properties())
                .containsEntry("esop.outbox.relay.transactional-id", "esop-opportunity-r1-outbox")
                .containsEntry("quarkus.kafka-streams.application-id", "esop-sla-r1")
                .containsEntry("mp.messaging.incoming.signals-in.group.id", "esop-opportunity.signals-r1")
                .containsEntry("mp.messaging.incoming.staff-in.group.id", "esop-opportunity-x-r1")
                // a channel without a group of its own gets the application's name and the channel's
                .containsEntry("mp.messaging.incoming.orders-in.group.id", "esop-opportunity.orders-in-r1")
                // expressions as the service will resolve them: the group a test positions is the one it joins
                .containsEntry("mp.messaging.incoming.customers-in.group.id", "esop-order-r1")
                .containsEntry("mp.messaging.incoming.progress-in.group.id", "esop-opportunity-r1")
                // the prefix set only for the test profile is the service's key without the profile
                .containsEntry("esop.opportunity.redis-prefix", "esop:opportunity-r1:")
                .doesNotContainKeys("mp.messaging.incoming.signals-in.topic", "mp.messaging.outgoing.events-out.topic",
                        "%test.esop.opportunity.redis-prefix");
        assertThat(isolation.consumers().get("signals-in"))
                .isEqualTo(new Isolation.Consumer("esop-opportunity.signals-r1", "esop.signals.v1"));
        assertThat(isolation.consumers().get("staff-in").group()).isEqualTo("esop-opportunity-x-r1");
    }

    @Test
    void twoRunsOfTheSameServiceShareNothing() throws IOException {
        configure("""
                quarkus.application.name=esop-order
                mp.messaging.incoming.opportunities-in.topic=esop.opportunities.v1
                """);

        Isolation first = Isolation.of(module, "a");
        Isolation second = Isolation.of(module, "b");

        assertThat(first.properties().keySet()).isEqualTo(second.properties().keySet());
        first.properties().forEach((key, value) -> assertThat(second.properties().get(key)).as(key).isNotEqualTo(value));
    }

    private void configure(String properties) throws IOException {
        Path file = module.resolve("src/main/resources/application.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, properties);
    }
}

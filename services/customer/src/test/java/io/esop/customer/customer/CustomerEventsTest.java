package io.esop.customer.customer;

import static io.esop.customer.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.esop.contracts.CloudEvents;
import io.esop.contracts.EsopJson;
import io.esop.contracts.EventTypes;
import io.esop.contracts.Industry;
import io.esop.contracts.Topics;
import io.esop.contracts.ValueTier;
import io.esop.contracts.customer.CustomerSnapshot;
import io.esop.contracts.customer.CustomerStatus;
import io.esop.customer.support.Api;
import io.esop.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;

/** Every change reaches esop.customers.v1 exactly once as a full snapshot; a deletion as a tombstone. */
@QuarkusTest
class CustomerEventsTest {

    @Test
    void changesArriveOnceAsFullSnapshotsAndADeletionAsATombstone() throws Exception {
        try (TopicProbe probe = TopicProbe.atEnd(Topics.CUSTOMERS)) {
            Map<String, Object> body = Api.customer(Api.marker("events"), "330100", "hz-government", "cm-li");
            String id = Api.create(body);

            List<ConsumerRecord<String, String>> created = probe.await(TopicProbe.key(id), 1, Duration.ofSeconds(20));
            assertThat(created).hasSize(1);
            ConsumerRecord<String, String> record = created.get(0);
            assertThat(TopicProbe.header(record, CloudEvents.TYPE)).isEqualTo(EventTypes.CUSTOMER_SNAPSHOT.name());
            assertThat(TopicProbe.header(record, CloudEvents.SUBJECT)).isEqualTo(id);
            assertThat(TopicProbe.header(record, CloudEvents.ID)).isNotBlank();
            CustomerSnapshot snapshot = EsopJson.newObjectMapper().readValue(record.value(), CustomerSnapshot.class);
            assertThat(snapshot.customerId()).isEqualTo(id);
            assertThat(snapshot.name()).isEqualTo(body.get("name"));
            assertThat(snapshot.creditCode()).isEqualTo(body.get("creditCode"));
            assertThat(snapshot.industry()).isEqualTo(Industry.MANUFACTURING);
            assertThat(snapshot.region()).isEqualTo("330100");
            assertThat(snapshot.valueTier()).isEqualTo(ValueTier.KEY);
            assertThat(snapshot.status()).isEqualTo(CustomerStatus.ACTIVE);
            assertThat(snapshot.accountManagerId()).isEqualTo("cm-li");
            assertThat(snapshot.teamId()).isEqualTo("hz-government");
            assertThat(snapshot.creditLimit()).isEqualByComparingTo(new BigDecimal("100000"));
            assertThat(snapshot.arrears()).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(snapshot.version()).isEqualTo(1);

            body.put("valueTier", "STRATEGIC");
            body.put("arrears", 250.5);
            as("bo-chen").body(body).put("/api/customers/" + id).then().statusCode(200);
            List<ConsumerRecord<String, String>> updated = probe.await(TopicProbe.key(id), 2, Duration.ofSeconds(20));
            assertThat(updated).hasSize(2);
            CustomerSnapshot second = EsopJson.newObjectMapper().readValue(updated.get(1).value(), CustomerSnapshot.class);
            assertThat(second.version()).isEqualTo(2);
            assertThat(second.valueTier()).isEqualTo(ValueTier.STRATEGIC);
            assertThat(second.arrears()).isEqualByComparingTo(new BigDecimal("250.50"));

            as("admin").delete("/api/customers/" + id).then().statusCode(204);
            List<ConsumerRecord<String, String>> deleted = probe.await(TopicProbe.key(id), 3, Duration.ofSeconds(20));
            assertThat(deleted).hasSize(3);
            assertThat(deleted.get(2).value()).isNull();
            as("admin").get("/api/customers/" + id).then().statusCode(404);

            // exactly once: nothing more arrives for this key
            assertThat(probe.settle(TopicProbe.key(id), Duration.ofSeconds(3))).hasSize(3);
        }
    }

    @Test
    void aRefusedChangePublishesNothing() throws Exception {
        try (TopicProbe probe = TopicProbe.atEnd(Topics.CUSTOMERS)) {
            Map<String, Object> body = Api.customer(Api.marker("refused"), "310000", "sh-enterprise", "cm-zhang");
            String id = Api.create(body);
            assertThat(probe.await(TopicProbe.key(id), 1, Duration.ofSeconds(20))).hasSize(1);

            Map<String, Object> duplicate = Api.customer(Api.marker("refused"), "310000", "sh-enterprise", "cm-zhang");
            duplicate.put("creditCode", body.get("creditCode"));
            duplicate.put("id", id + "-dup");
            as("admin").body(duplicate).post("/api/customers").then().statusCode(409);
            assertThat(probe.settle(TopicProbe.key(id + "-dup"), Duration.ofSeconds(3))).isEmpty();
        }
    }
}

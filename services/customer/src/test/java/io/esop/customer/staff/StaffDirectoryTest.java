package io.esop.customer.staff;

import static io.esop.customer.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.esop.contracts.EsopJson;
import io.esop.contracts.Industry;
import io.esop.contracts.StaffRole;
import io.esop.contracts.Topics;
import io.esop.contracts.staff.StaffSnapshot;
import io.esop.customer.support.Api;
import io.esop.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;

/** Admins maintain the staff directory; staff read it; every change, deactivation included, is published. */
@QuarkusTest
class StaffDirectoryTest {

    private static Map<String, Object> manager() {
        return Map.of("displayName", "Test Manager", "role", "CUSTOMER_MANAGER", "region", "310000",
                "industries", List.of("FINANCE", "RETAIL"), "skills", List.of("CLOUD"),
                "teamId", "sh-enterprise", "directorId", "dir-wang", "capacity", 25);
    }

    @Test
    void adminWritesStaffReadsAndDeactivationIsPublished() throws Exception {
        String id = Api.marker("cm-test-");
        try (TopicProbe probe = TopicProbe.atEnd(Topics.STAFF)) {
            as("admin").body(manager()).put("/api/staff/" + id).then().statusCode(200)
                    .body("id", equalTo(id)).body("active", equalTo(true)).body("version", equalTo(1));
            as("cm-zhang").get("/api/staff/" + id).then().statusCode(200)
                    .body("industries", equalTo(List.of("FINANCE", "RETAIL")))
                    .body("directorId", equalTo("dir-wang"));
            as("dir-wang").queryParam("team", "sh-enterprise").queryParam("limit", 500).get("/api/staff")
                    .then().statusCode(200).body("items.id", hasItem(id));

            as("admin").post("/api/staff/" + id + "/deactivate").then().statusCode(200)
                    .body("active", equalTo(false)).body("version", equalTo(2));

            List<ConsumerRecord<String, String>> records = probe.await(TopicProbe.key(id), 2, Duration.ofSeconds(20));
            assertThat(records).hasSize(2);
            StaffSnapshot first = EsopJson.newObjectMapper().readValue(records.get(0).value(), StaffSnapshot.class);
            assertThat(first.role()).isEqualTo(StaffRole.CUSTOMER_MANAGER);
            assertThat(first.industries()).containsExactly(Industry.FINANCE, Industry.RETAIL);
            assertThat(first.capacity()).isEqualTo(25);
            assertThat(first.active()).isTrue();
            StaffSnapshot second = EsopJson.newObjectMapper().readValue(records.get(1).value(), StaffSnapshot.class);
            assertThat(second.active()).isFalse();
            assertThat(second.version()).isEqualTo(2);
        }
    }

    @Test
    void onlyAdminsWriteAndOnlyStaffRead() {
        String id = Api.marker("cm-test-");
        as("cm-zhang").body(manager()).put("/api/staff/" + id).then().statusCode(403);
        as("bo-chen").body(manager()).put("/api/staff/" + id).then().statusCode(403);
        as("ent-acme").get("/api/staff").then().statusCode(403);
        as("admin").get("/api/staff/nobody-here").then().statusCode(404);
        as("admin").body(Map.of("displayName", "x", "role", "CUSTOMER_MANAGER", "region", "310000"))
                .put("/api/staff/" + id).then().statusCode(400).body("errors.field", hasItem("teamId"));
    }
}

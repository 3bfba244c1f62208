package io.esop.opportunity.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.esop.contracts.Industry;
import io.esop.contracts.ProductLine;
import io.esop.contracts.StaffRole;
import io.esop.contracts.Topics;
import io.esop.contracts.ValueTier;
import io.esop.contracts.customer.CustomerSnapshot;
import io.esop.contracts.customer.CustomerStatus;
import io.esop.contracts.staff.StaffSnapshot;
import io.esop.opportunity.support.Db;
import io.esop.opportunity.support.Fixtures;
import io.esop.opportunity.support.Kafka;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The compacted snapshots become local rows: newest version wins, an older one never moves a row back, a
 * tombstone deletes. Test ids are unique and each test ends with tombstones, so that the shared compacted
 * topics drop them again.
 */
@QuarkusTest
class ReadModelTest {

    private static CustomerSnapshot customer(String id, String manager, long version) {
        Instant now = Instant.now();
        return new CustomerSnapshot(id, "Read Model Co", Fixtures.creditCode(), Industry.RETAIL, "310000",
                ValueTier.KEY, CustomerStatus.ACTIVE, manager, "sh-enterprise", new BigDecimal("10000.00"),
                BigDecimal.ZERO, now, version, now);
    }

    private static StaffSnapshot staff(String id, int capacity, long version) {
        Instant now = Instant.now();
        return new StaffSnapshot(id, "Test Manager", StaffRole.CUSTOMER_MANAGER, "310000",
                List.of(Industry.RETAIL, Industry.INTERNET), List.of(ProductLine.CLOUD, ProductLine.IOT), "t-team", "dir-t",
                capacity, true, now, version, now);
    }

    @Test
    void customerSnapshotsKeepTheHighestVersionAndTombstonesDelete() {
        String id = Fixtures.id("t-rm-cust");
        Kafka.send(Topics.CUSTOMERS, id, customer(id, "cm-zhang", 2));
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.single(
                "select account_manager_id from customer_view where customer_id = ?", id), "cm-zhang"::equals);

        // a late, older snapshot, then a marker on the same partition: once the marker is applied, the old one was seen
        Kafka.send(Topics.CUSTOMERS, id, customer(id, "cm-wu", 1));
        Kafka.send(Topics.CUSTOMERS, id, customer(id, "cm-zhang", 2)); // a redelivery: no change either
        String marker = Fixtures.id("t-rm-cust");
        Kafka.send(Topics.CUSTOMERS, marker, customer(marker, "cm-li", 1));
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.single(
                "select version from customer_view where customer_id = ?", marker) != null);
        assertThat(Db.single("select account_manager_id from customer_view where customer_id = ?", id)).isEqualTo("cm-zhang");
        assertThat(Db.single("select version from customer_view where customer_id = ?", id)).isEqualTo(2L);

        Kafka.send(Topics.CUSTOMERS, id, customer(id, "cm-wu", 3));
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.single(
                "select account_manager_id from customer_view where customer_id = ?", id), "cm-wu"::equals);

        Kafka.send(Topics.CUSTOMERS, id, null);
        Kafka.send(Topics.CUSTOMERS, marker, null);
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.single(
                "select count(*) from customer_view where customer_id in (?, ?)", id, marker), v -> ((Long) v) == 0L);
    }

    @Test
    void staffSnapshotsKeepTheHighestVersionAndTombstonesDelete() {
        String id = Fixtures.id("t-rm-staff");
        Kafka.send(Topics.STAFF, id, staff(id, 7, 5));
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.single(
                "select capacity from staff_view where staff_id = ?", id), v -> Integer.valueOf(7).equals(v));
        assertThat(Db.single("select skills from staff_view where staff_id = ?", id)).isEqualTo("CLOUD,IOT");

        Kafka.send(Topics.STAFF, id, staff(id, 1, 4));
        Kafka.send(Topics.STAFF, id, staff(id, 9, 6));
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.single(
                "select capacity from staff_view where staff_id = ?", id), v -> Integer.valueOf(9).equals(v));
        assertThat(Db.single("select version from staff_view where staff_id = ?", id)).isEqualTo(6L);

        Kafka.send(Topics.STAFF, id, null);
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.single(
                "select count(*) from staff_view where staff_id = ?", id), v -> ((Long) v) == 0L);
    }
}

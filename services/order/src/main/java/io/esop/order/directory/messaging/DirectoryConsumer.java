package io.esop.order.directory.messaging;

import java.io.IOException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.esop.contracts.Topics;
import io.esop.contracts.customer.CustomerSnapshot;
import io.esop.contracts.staff.StaffSnapshot;
import io.esop.eventing.deadletter.DeadLetters;
import io.esop.order.common.messaging.Records;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Keeps the customer and staff read models from the compacted snapshot topics. Idempotent without an inbox:
 * an upsert only replaces a row with a higher version, so redelivery and replay change nothing and a row
 * never goes back to an older version. A tombstone removes the key.
 */
@ApplicationScoped
public class DirectoryConsumer {

    static final String CUSTOMERS = "order.customers";
    static final String STAFF = "order.staff";

    private static final String UPSERT_CUSTOMER = """
            insert into customer_ref (customer_id, name, industry, region, value_tier, status, account_manager_id,
                                      team_id, version, updated_at)
            values (:id, :name, :industry, :region, :tier, :status, :manager, :team, :version,
                    cast(cast(:updatedAt as text) as timestamptz))
            on conflict (customer_id) do update set
                name = excluded.name, industry = excluded.industry, region = excluded.region,
                value_tier = excluded.value_tier, status = excluded.status,
                account_manager_id = excluded.account_manager_id, team_id = excluded.team_id,
                version = excluded.version, updated_at = excluded.updated_at
            where customer_ref.version < excluded.version""";

    private static final String UPSERT_STAFF = """
            insert into staff_ref (staff_id, display_name, role, region, team_id, director_id, active, version,
                                   updated_at)
            values (:id, :name, :role, :region, :team, :director, :active, :version,
                    cast(cast(:updatedAt as text) as timestamptz))
            on conflict (staff_id) do update set
                display_name = excluded.display_name, role = excluded.role, region = excluded.region,
                team_id = excluded.team_id, director_id = excluded.director_id, active = excluded.active,
                version = excluded.version, updated_at = excluded.updated_at
            where staff_ref.version < excluded.version""";

    private final ObjectMapper objectMapper;
    private final DeadLetters deadLetters;

    public DirectoryConsumer(ObjectMapper objectMapper, DeadLetters deadLetters) {
        this.objectMapper = objectMapper;
        this.deadLetters = deadLetters;
    }

    @Incoming("customers-in")
    public Uni<Void> customers(Message<byte[]> message) {
        return handle(message, CUSTOMERS, "delete from customer_ref where customer_id = :id", value -> {
            CustomerSnapshot s = objectMapper.readValue(value, CustomerSnapshot.class);
            return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT_CUSTOMER)
                    .setParameter("id", s.customerId())
                    .setParameter("name", s.name())
                    .setParameter("industry", s.industry().name())
                    .setParameter("region", s.region())
                    .setParameter("tier", s.valueTier().name())
                    .setParameter("status", s.status().name())
                    .setParameter("manager", s.accountManagerId())
                    .setParameter("team", s.teamId())
                    .setParameter("version", s.version())
                    .setParameter("updatedAt", s.updatedAt().toString())
                    .executeUpdate());
        });
    }

    @Incoming("staff-in")
    public Uni<Void> staff(Message<byte[]> message) {
        return handle(message, STAFF, "delete from staff_ref where staff_id = :id", value -> {
            StaffSnapshot s = objectMapper.readValue(value, StaffSnapshot.class);
            return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT_STAFF)
                    .setParameter("id", s.staffId())
                    .setParameter("name", s.displayName())
                    .setParameter("role", s.role().name())
                    .setParameter("region", s.region())
                    .setParameter("team", s.teamId())
                    .setParameter("director", s.directorId())
                    .setParameter("active", s.active())
                    .setParameter("version", s.version())
                    .setParameter("updatedAt", s.updatedAt().toString())
                    .executeUpdate());
        });
    }

    interface Apply {
        Uni<Integer> apply(byte[] value) throws IOException;
    }

    private Uni<Void> handle(Message<byte[]> message, String consumer, String delete, Apply apply) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        String key = kafka.getKey() == null ? null : kafka.getKey().toString();
        byte[] value = message.getPayload();
        return Panache.withTransaction(() -> {
            if (value == null) {
                return key == null ? Uni.createFrom().voidItem()
                        : Panache.getSession().chain(s -> s.createNativeQuery(delete).setParameter("id", key)
                                .executeUpdate()).replaceWithVoid();
            }
            Uni<Integer> effect;
            try {
                effect = apply.apply(value);
            } catch (IOException | RuntimeException e) {
                Log.warnf("Dead-lettering %s record %s-%d@%d: %s", consumer, kafka.getTopic(), kafka.getPartition(),
                        kafka.getOffset(), e.getMessage());
                return deadLetters.send(Topics.ORDER_DLQ, consumer, Records.source(kafka, value),
                        "unreadable snapshot: " + e.getMessage()).replaceWithVoid();
            }
            return effect.replaceWithVoid();
        })
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(10)
                .chain(() -> Uni.createFrom().completionStage(message.ack()));
    }
}

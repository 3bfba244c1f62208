package io.esop.opportunity.readmodel.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.esop.contracts.customer.CustomerSnapshot;
import io.esop.contracts.staff.StaffSnapshot;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Upserts snapshots so that the highest version wins: a late or replayed older snapshot changes nothing,
 * and a redelivery of the same one neither. A tombstone deletes the row.
 */
@ApplicationScoped
public class ReadModelWriter {

    private static final String UPSERT_CUSTOMER = """
            insert into customer_view (customer_id, name, credit_code, industry, region, value_tier, status,
                                       account_manager_id, team_id, version, updated_at)
            values (:id, :name, :creditCode, :industry, :region, :tier, :status, :manager, :team, :version,
                    cast(cast(:updatedAt as text) as timestamptz))
            on conflict (customer_id) do update set
                name = excluded.name, credit_code = excluded.credit_code, industry = excluded.industry,
                region = excluded.region, value_tier = excluded.value_tier, status = excluded.status,
                account_manager_id = excluded.account_manager_id, team_id = excluded.team_id,
                version = excluded.version, updated_at = excluded.updated_at
            where customer_view.version < excluded.version""";

    private static final String UPSERT_STAFF = """
            insert into staff_view (staff_id, display_name, role, region, industries, skills, team_id, director_id,
                                    capacity, active, version, updated_at)
            values (:id, :name, :role, :region, :industries, :skills, :team, :director, :capacity, :active, :version,
                    cast(cast(:updatedAt as text) as timestamptz))
            on conflict (staff_id) do update set
                display_name = excluded.display_name, role = excluded.role, region = excluded.region,
                industries = excluded.industries, skills = excluded.skills, team_id = excluded.team_id,
                director_id = excluded.director_id, capacity = excluded.capacity, active = excluded.active,
                version = excluded.version, updated_at = excluded.updated_at
            where staff_view.version < excluded.version""";

    /** @return true when the snapshot was newer and applied */
    public Uni<Boolean> upsert(CustomerSnapshot c) {
        return Panache.getSession().chain(s -> s.createNativeQuery(UPSERT_CUSTOMER)
                .setParameter("id", c.customerId())
                .setParameter("name", c.name())
                .setParameter("creditCode", c.creditCode())
                .setParameter("industry", c.industry().name())
                .setParameter("region", c.region())
                .setParameter("tier", c.valueTier().name())
                .setParameter("status", c.status().name())
                .setParameter("manager", c.accountManagerId())
                .setParameter("team", c.teamId())
                .setParameter("version", c.version())
                .setParameter("updatedAt", c.updatedAt().toString())
                .executeUpdate())
                .map(n -> n == 1);
    }

    public Uni<Boolean> upsert(StaffSnapshot st) {
        return Panache.getSession().chain(s -> s.createNativeQuery(UPSERT_STAFF)
                .setParameter("id", st.staffId())
                .setParameter("name", st.displayName())
                .setParameter("role", st.role().name())
                .setParameter("region", st.region())
                .setParameter("industries", String.join(",", st.industries().stream().map(Enum::name).toList()))
                .setParameter("skills", String.join(",", st.skills().stream().map(Enum::name).toList()))
                .setParameter("team", st.teamId())
                .setParameter("director", st.directorId())
                .setParameter("capacity", st.capacity())
                .setParameter("active", st.active())
                .setParameter("version", st.version())
                .setParameter("updatedAt", st.updatedAt().toString())
                .executeUpdate())
                .map(n -> n == 1);
    }

    public Uni<Boolean> deleteCustomer(String customerId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("delete from customer_view where customer_id = :id")
                .setParameter("id", customerId).executeUpdate()).map(n -> n == 1);
    }

    public Uni<Boolean> deleteStaff(String staffId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("delete from staff_view where staff_id = :id")
                .setParameter("id", staffId).executeUpdate()).map(n -> n == 1);
    }
}

package io.esop.customer.staff.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.esop.contracts.EventTypes;
import io.esop.contracts.StaffRole;
import io.esop.contracts.Topics;
import io.esop.contracts.staff.StaffSnapshot;
import io.esop.web.Cursor;
import io.esop.web.NotFound;
import io.esop.web.Page;
import io.esop.customer.staff.Staff;
import io.esop.customer.staff.repository.StaffRepository;
import io.esop.customer.staff.rest.StaffRequest;
import io.esop.customer.staff.rest.StaffView;
import io.esop.eventing.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The staff directory; every change (deactivation included) publishes the full snapshot to esop.staff.v1. */
@ApplicationScoped
public class StaffService {

    private final StaffRepository staff;
    private final Outbox outbox;

    public StaffService(StaffRepository staff, Outbox outbox) {
        this.staff = staff;
        this.outbox = outbox;
    }

    /** Creates or replaces the staff member {@code id}. */
    @WithTransaction
    public Uni<StaffView> put(String id, StaffRequest request) {
        return staff.findById(id)
                .chain(existing -> {
                    Staff s = existing != null ? existing : new Staff();
                    s.displayName = request.displayName().trim();
                    s.role = request.role();
                    s.region = request.region();
                    s.industries = Staff.join(request.industries());
                    s.skills = Staff.join(request.skills());
                    s.teamId = request.teamId().trim();
                    s.directorId = request.directorId() == null || request.directorId().isBlank()
                            ? null : request.directorId().trim();
                    s.capacity = request.capacity();
                    s.active = request.active() == null || request.active();
                    touch(s);
                    if (existing == null) {
                        s.id = id;
                        return staff.persist(s);
                    }
                    return Uni.createFrom().item(s);
                })
                .call(this::publish)
                .map(StaffView::of);
    }

    /** Deactivates: nothing new is assigned to them; consumers see {@code active=false}. */
    @WithTransaction
    public Uni<StaffView> deactivate(String id) {
        return staff.findById(id)
                .onItem().ifNull().failWith(() -> new NotFound("staff", id))
                .call(s -> {
                    if (!s.active) {
                        return Uni.createFrom().voidItem();
                    }
                    s.active = false;
                    touch(s);
                    return publish(s);
                })
                .map(StaffView::of);
    }

    @WithSession
    public Uni<StaffView> get(String id) {
        return staff.findById(id)
                .onItem().ifNull().failWith(() -> new NotFound("staff", id))
                .map(StaffView::of);
    }

    @WithSession
    public Uni<Page<StaffView>> list(StaffRole role, String teamId, String region, Boolean active, int limit,
            String cursor) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder hql = new StringBuilder("from Staff s where 1 = 1");
        if (role != null) {
            hql.append(" and s.role = :role");
            params.put("role", role);
        }
        if (teamId != null) {
            hql.append(" and s.teamId = :team");
            params.put("team", teamId);
        }
        if (region != null) {
            hql.append(" and s.region = :region");
            params.put("region", region);
        }
        if (active != null) {
            hql.append(" and s.active = :active");
            params.put("active", active);
        }
        String after = Cursor.decode(cursor);
        if (after != null) {
            hql.append(" and s.id > :after");
            params.put("after", after);
        }
        hql.append(" order by s.id");
        return staff.find(hql.toString(), params).range(0, limit).list().map(found -> {
            boolean more = found.size() > limit;
            List<Staff> page = more ? found.subList(0, limit) : found;
            return new Page<>(page.stream().map(StaffView::of).toList(),
                    more ? Cursor.encode(page.get(page.size() - 1).id) : null);
        });
    }

    private static void touch(Staff s) {
        s.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        s.version = s.version + 1;
    }

    private Uni<Void> publish(Staff s) {
        StaffSnapshot snapshot = new StaffSnapshot(s.id, s.displayName, s.role, s.region, s.industryList(),
                s.skillList(), s.teamId, s.directorId, s.capacity, s.active, s.updatedAt, s.version, Instant.now());
        return outbox.append(Topics.STAFF, s.id, EventTypes.STAFF_SNAPSHOT.name(), s.id, snapshot).replaceWithVoid();
    }
}

package io.esop.sla.clock.rest;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.esop.contracts.sla.SlaSubjectType;
import io.esop.sla.alert.StaffMember;
import io.esop.sla.clock.service.ClockQueries;
import io.esop.sla.common.NotFound;
import io.esop.sla.common.rest.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The clocks of a subject with their remaining time. Scope: admins and back office see all; a director the
 * clocks of their team; a customer manager their own. A subject without visible clocks answers 404.
 */
@Path("/clocks")
public class ClockResource {

    private final ClockQueries clocks;
    private final Caller caller;

    public ClockResource(ClockQueries clocks, Caller caller) {
        this.clocks = clocks;
        this.caller = caller;
    }

    @GET
    @WithSession
    @RolesAllowed({ Caller.ADMIN, Caller.DIRECTOR, Caller.MANAGER, Caller.BACK_OFFICE })
    public Uni<List<ClockView>> ofSubject(@QueryParam("subjectType") @NotNull SlaSubjectType subjectType,
            @QueryParam("subjectId") @NotBlank String subjectId) {
        String me = caller.username();
        boolean all = caller.seesAll();
        String team = caller.has(Caller.DIRECTOR) ? caller.team() : null;
        Uni<Set<String>> teamMembers = team == null ? Uni.createFrom().item(Set.<String>of())
                : StaffMember.<StaffMember>list("teamId", team)
                        .map(list -> list.stream().map(s -> s.staffId).collect(Collectors.toSet()));
        return teamMembers.map(members -> {
            Instant now = Instant.now();
            List<ClockView> visible = clocks.ofSubject(subjectType, subjectId).stream()
                    .filter(r -> all || me.equals(r.clock().responsibleUserId())
                            || members.contains(r.clock().responsibleUserId()))
                    .map(r -> ClockView.of(r.clock(), r.terms(), now))
                    .toList();
            if (visible.isEmpty()) {
                throw new NotFound(subjectType.name().toLowerCase(), subjectId);
            }
            return visible;
        });
    }

}

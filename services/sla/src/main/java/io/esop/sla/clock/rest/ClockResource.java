package io.esop.sla.clock.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;

import io.esop.contracts.sla.SlaSubjectType;
import io.esop.sla.alert.StaffMember;
import io.esop.sla.clock.service.ClockQueries;
import io.esop.web.NotFound;
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
    private final ClockPeers peers;
    private final Caller caller;

    public ClockResource(ClockQueries clocks, ClockPeers peers, Caller caller) {
        this.clocks = clocks;
        this.peers = peers;
        this.caller = caller;
    }

    /**
     * The subject's clocks from every instance: this instance's own partitions, and the other instances' through
     * their {@code /clocks/local} (Kafka Streams metadata says who they are; the caller's token goes along, so
     * each answers within the caller's scope). A clock's partition follows the key of the event that started it,
     * which is not always the subject (an approval's events are keyed by its application), so all instances are
     * asked, not the one owner of a key.
     */
    @GET
    @WithSession
    @RolesAllowed({ Caller.ADMIN, Caller.DIRECTOR, Caller.MANAGER, Caller.BACK_OFFICE })
    public Uni<List<ClockView>> ofSubject(@QueryParam("subjectType") @NotNull SlaSubjectType subjectType,
            @QueryParam("subjectId") @NotBlank String subjectId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return visibleHere(subjectType, subjectId)
                .chain(here -> peers.ask(subjectType, subjectId, authorization).map(there -> {
                    List<ClockView> all = new ArrayList<>(here);
                    all.addAll(there);
                    return notEmpty(all, subjectType, subjectId);
                }));
    }

    /** The clocks of the subject that this instance holds (what the other instances ask). */
    @GET
    @Path("/local")
    @WithSession
    @RolesAllowed({ Caller.ADMIN, Caller.DIRECTOR, Caller.MANAGER, Caller.BACK_OFFICE })
    public Uni<List<ClockView>> ofSubjectHere(@QueryParam("subjectType") @NotNull SlaSubjectType subjectType,
            @QueryParam("subjectId") @NotBlank String subjectId) {
        return visibleHere(subjectType, subjectId).map(here -> notEmpty(here, subjectType, subjectId));
    }

    private Uni<List<ClockView>> visibleHere(SlaSubjectType subjectType, String subjectId) {
        String me = caller.username();
        boolean all = caller.seesAll();
        String team = caller.has(Caller.DIRECTOR) ? caller.team() : null;
        Uni<Set<String>> teamMembers = team == null ? Uni.createFrom().item(Set.<String>of())
                : StaffMember.<StaffMember>list("teamId", team)
                        .map(list -> list.stream().map(s -> s.staffId).collect(Collectors.toSet()));
        return teamMembers.map(members -> {
            Instant now = Instant.now();
            return clocks.ofSubject(subjectType, subjectId).stream()
                    .filter(r -> all || me.equals(r.clock().responsibleUserId())
                            || members.contains(r.clock().responsibleUserId()))
                    .map(r -> ClockView.of(r.clock(), r.terms(), now))
                    .toList();
        });
    }

    private static List<ClockView> notEmpty(List<ClockView> visible, SlaSubjectType subjectType, String subjectId) {
        if (visible.isEmpty()) {
            throw new NotFound(subjectType.name().toLowerCase(), subjectId);
        }
        return visible;
    }
}

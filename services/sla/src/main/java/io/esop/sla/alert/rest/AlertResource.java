package io.esop.sla.alert.rest;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import io.esop.sla.alert.service.AlertService;
import io.esop.sla.alert.service.AlertService.Scope;
import io.esop.sla.alert.service.AlertService.State;
import io.esop.web.Page;
import io.esop.sla.common.rest.Caller;
import io.smallrye.mutiny.Uni;

/** My alerts, my team's alerts, acknowledgement, and compliance. */
@Path("/")
@RolesAllowed({ Caller.ADMIN, Caller.DIRECTOR, Caller.MANAGER, Caller.BACK_OFFICE })
public class AlertResource {

    private final AlertService alerts;
    private final Caller caller;

    public AlertResource(AlertService alerts, Caller caller) {
        this.alerts = alerts;
        this.caller = caller;
    }

    @GET
    @Path("alerts/mine")
    public Uni<Page<AlertView>> mine(@QueryParam("state") @DefaultValue("OPEN") State state,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
            @QueryParam("cursor") String cursor) {
        return alerts.mine(scope(), state, limit, cursor);
    }

    @GET
    @Path("alerts/team")
    public Uni<Page<AlertView>> team(@QueryParam("state") @DefaultValue("OPEN") State state,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
            @QueryParam("cursor") String cursor) {
        return alerts.team(scope(), state, limit, cursor);
    }

    @POST
    @Path("alerts/{alertId}/acknowledge")
    public Uni<AlertView> acknowledge(@PathParam("alertId") String alertId) {
        return alerts.acknowledge(scope(), alertId);
    }

    @GET
    @Path("compliance")
    public Uni<List<ComplianceRow>> compliance(@QueryParam("groupBy") @DefaultValue("clockType") String groupBy,
            @QueryParam("from") Instant from, @QueryParam("to") Instant to) {
        return alerts.compliance(scope(), groupBy, from, to);
    }

    private Scope scope() {
        return new Scope(caller.username(), caller.team(), caller.has(Caller.DIRECTOR), caller.seesAll());
    }
}

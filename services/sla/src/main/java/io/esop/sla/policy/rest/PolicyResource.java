package io.esop.sla.policy.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.esop.contracts.ProductLine;
import io.esop.contracts.ValueTier;
import io.esop.contracts.sla.ClockType;
import io.esop.web.Cursor;
import io.esop.web.Page;
import io.esop.sla.common.rest.Caller;
import io.esop.sla.policy.service.PolicyService;
import io.smallrye.mutiny.Uni;

/** SLA policies: admins write, staff read. */
@Path("/policies")
public class PolicyResource {

    private final PolicyService policies;
    private final Caller caller;

    public PolicyResource(PolicyService policies, Caller caller) {
        this.policies = policies;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Caller.ADMIN, Caller.DIRECTOR, Caller.MANAGER, Caller.BACK_OFFICE })
    public Uni<Page<PolicyView>> list(@QueryParam("clockType") ClockType clockType,
            @QueryParam("valueTier") ValueTier valueTier, @QueryParam("productLine") ProductLine productLine,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
            @QueryParam("cursor") String cursor) {
        return policies.list(Cursor.decode(cursor), clockType, valueTier == null ? null : valueTier.name(),
                productLine == null ? null : productLine.name(), limit);
    }

    @GET
    @Path("/{policyId}")
    @RolesAllowed({ Caller.ADMIN, Caller.DIRECTOR, Caller.MANAGER, Caller.BACK_OFFICE })
    public Uni<PolicyView> get(@PathParam("policyId") String policyId) {
        return policies.current(policyId);
    }

    @GET
    @Path("/{policyId}/versions")
    @RolesAllowed({ Caller.ADMIN, Caller.DIRECTOR, Caller.MANAGER, Caller.BACK_OFFICE })
    public Uni<List<PolicyView>> versions(@PathParam("policyId") String policyId) {
        return policies.versions(policyId);
    }

    @POST
    @RolesAllowed(Caller.ADMIN)
    public Uni<Response> create(@Valid @NotNull PolicyRequest request) {
        return policies.create(request, caller.username())
                .map(view -> Response.status(201).header("Location", "/policies/" + view.policyId())
                        .entity(view).build());
    }

    @PUT
    @Path("/{policyId}")
    @RolesAllowed(Caller.ADMIN)
    public Uni<PolicyView> change(@PathParam("policyId") String policyId, @Valid @NotNull PolicyChange change) {
        return policies.change(policyId, change, caller.username());
    }

    @DELETE
    @Path("/{policyId}")
    @RolesAllowed(Caller.ADMIN)
    public Uni<PolicyView> retire(@PathParam("policyId") String policyId) {
        return policies.retire(policyId, caller.username());
    }
}

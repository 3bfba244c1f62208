package io.esop.customer.staff.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.esop.contracts.StaffRole;
import io.esop.customer.common.DataScope;
import io.esop.web.Page;
import io.esop.customer.common.rest.QueryParams;
import io.esop.customer.staff.service.StaffService;
import io.smallrye.mutiny.Uni;

/** The staff directory: staff read it, admins maintain it. Ids are Keycloak usernames. */
@Path("/api/staff")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ DataScope.CUSTOMER_MANAGER, DataScope.SALES_DIRECTOR, DataScope.BACK_OFFICE, DataScope.ADMIN })
@SecurityRequirement(name = "SecurityScheme")
public class StaffResource {

    private static final String ID = "^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$";

    private final StaffService service;

    public StaffResource(StaffService service) {
        this.service = service;
    }

    @GET
    public Uni<Page<StaffView>> list(@QueryParam("role") String role, @QueryParam("team") String team,
            @QueryParam("region") String region, @QueryParam("active") String active,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(QueryParams.enumValue(StaffRole.class, role, "role"),
                team == null || team.isBlank() ? null : team.trim(), QueryParams.region(region),
                QueryParams.bool(active, "active"), QueryParams.limit(limit, 100, 500), cursor);
    }

    @GET
    @Path("{id}")
    public Uni<StaffView> get(@PathParam("id") String id) {
        return service.get(id);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(DataScope.ADMIN)
    public Uni<StaffView> put(@PathParam("id") @Pattern(regexp = ID, message = "a Keycloak username") String id,
            @NotNull @Valid StaffRequest request) {
        return service.put(id, request);
    }

    @POST
    @Path("{id}/deactivate")
    @RolesAllowed(DataScope.ADMIN)
    public Uni<StaffView> deactivate(@PathParam("id") String id) {
        return service.deactivate(id);
    }
}

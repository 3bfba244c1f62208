package io.esop.order.application.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.esop.order.application.ApplicationStatus;
import io.esop.order.application.service.ApplicationService;
import io.esop.web.Cursor;
import io.esop.web.Page;
import io.esop.order.common.Roles;
import io.esop.order.common.rest.CallerScope;
import io.smallrye.mutiny.Uni;

/** Applications (申请单): staff only; a manager creates, edits and submits, others read in their scope. */
@Path("/api/applications")
@Tag(name = "applications")
@RolesAllowed({ Roles.CUSTOMER_MANAGER, Roles.SALES_DIRECTOR, Roles.BACK_OFFICE, Roles.ADMIN })
public class ApplicationResource {

    private final ApplicationService applications;
    private final CallerScope caller;

    public ApplicationResource(ApplicationService applications, CallerScope caller) {
        this.applications = applications;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.CUSTOMER_MANAGER)
    public Uni<Response> create(@Valid @NotNull ApplicationRequest request) {
        return applications.create(request, caller.get()).map(view -> Response.status(201).entity(view).build());
    }

    /** {@code view}: mine, team or customer (with {@code customerId}); without it, everything in scope. */
    @GET
    public Uni<Page<ApplicationView>> list(@QueryParam("view") String view, @QueryParam("customerId") String customerId,
            @QueryParam("opportunityId") String opportunityId, @QueryParam("status") ApplicationStatus status, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return applications.list(view, customerId, opportunityId, status, cursor, Cursor.limit(limit), caller.get());
    }

    @GET
    @Path("{no}")
    public Uni<ApplicationView> get(@PathParam("no") String no) {
        return applications.get(no, caller.get());
    }

    @PUT
    @Path("{no}")
    @RolesAllowed({ Roles.CUSTOMER_MANAGER, Roles.BACK_OFFICE, Roles.ADMIN })
    public Uni<ApplicationView> update(@PathParam("no") String no, @Valid @NotNull ApplicationRequest request) {
        return applications.update(no, request, caller.get());
    }

    @POST
    @Path("{no}/submission")
    @RolesAllowed({ Roles.CUSTOMER_MANAGER, Roles.BACK_OFFICE, Roles.ADMIN })
    public Uni<ApplicationView> submit(@PathParam("no") String no) {
        return applications.submit(no, caller.get());
    }
}

package io.esop.order.application.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.esop.order.application.service.ApprovalService;
import io.esop.web.Cursor;
import io.esop.web.Page;
import io.esop.order.common.Roles;
import io.esop.order.common.rest.CallerScope;
import io.smallrye.mutiny.Uni;

/** The approvals waiting for the caller, and deciding one (with a comment; a rejection needs one). */
@Path("/api/approvals")
@Tag(name = "approvals")
@RolesAllowed({ Roles.SALES_DIRECTOR, Roles.BACK_OFFICE, Roles.ADMIN })
public class ApprovalResource {

    private final ApprovalService approvals;
    private final CallerScope caller;

    public ApprovalResource(ApprovalService approvals, CallerScope caller) {
        this.approvals = approvals;
        this.caller = caller;
    }

    @GET
    @Path("pending")
    public Uni<Page<ApprovalView>> pending(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return approvals.pendingFor(caller.get(), cursor, Cursor.limit(limit));
    }

    @POST
    @Path("{id}/decision")
    public Uni<ApprovalView> decide(@PathParam("id") String id, @Valid @NotNull DecisionRequest request) {
        return approvals.decide(id, request.decision(), request.comment(), caller.get());
    }
}

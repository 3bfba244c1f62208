package io.esop.order.trace.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.esop.order.common.Roles;
import io.esop.order.common.rest.CallerScope;
import io.esop.order.trace.service.TraceService;
import io.smallrye.mutiny.Uni;

/** The end-to-end trace by application, agreement or order number. */
@Path("/api/trace")
@Tag(name = "trace")
@RolesAllowed({ Roles.CUSTOMER_MANAGER, Roles.SALES_DIRECTOR, Roles.BACK_OFFICE, Roles.ADMIN, Roles.ENTERPRISE_CUSTOMER })
public class TraceResource {

    private final TraceService traces;
    private final CallerScope caller;

    public TraceResource(TraceService traces, CallerScope caller) {
        this.traces = traces;
        this.caller = caller;
    }

    @GET
    @Path("{number}")
    public Uni<TraceView> trace(@PathParam("number") String number) {
        return traces.trace(number, caller.get());
    }
}

package io.esop.order.order.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.esop.contracts.order.OrderState;
import io.esop.web.Cursor;
import io.esop.web.InvalidInput;
import io.esop.web.Page;
import io.esop.order.common.Roles;
import io.esop.order.common.rest.CallerScope;
import io.esop.order.order.service.OrderService;
import io.smallrye.mutiny.Uni;

/** Orders in the caller's scope, with their fulfilment timeline. */
@Path("/api/orders")
@Tag(name = "orders")
@RolesAllowed({ Roles.CUSTOMER_MANAGER, Roles.SALES_DIRECTOR, Roles.BACK_OFFICE, Roles.ADMIN, Roles.ENTERPRISE_CUSTOMER })
public class OrderResource {

    private final OrderService orders;
    private final CallerScope caller;

    public OrderResource(OrderService orders, CallerScope caller) {
        this.orders = orders;
        this.caller = caller;
    }

    /** {@code state} is a TMF622 name ({@code inProgress}). */
    @GET
    public Uni<Page<OrderView>> list(@QueryParam("state") String state, @QueryParam("customerId") String customerId,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        OrderState wanted;
        try {
            wanted = state == null ? null : OrderState.fromWireName(state);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("state", e.getMessage());
        }
        return orders.list(wanted, customerId, cursor, Cursor.limit(limit), caller.get());
    }

    @GET
    @Path("{id}")
    public Uni<OrderView> get(@PathParam("id") String id) {
        return orders.get(id, caller.get());
    }

    @GET
    @Path("{id}/timeline")
    public Uni<List<TimelineEntry>> timeline(@PathParam("id") String id) {
        return orders.timeline(id, caller.get());
    }
}

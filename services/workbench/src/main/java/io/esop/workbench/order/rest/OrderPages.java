package io.esop.workbench.order.rest;

import io.esop.workbench.common.web.CurrentUser;
import io.esop.workbench.common.web.PageProblem;
import io.esop.workbench.common.web.Pages;
import io.esop.workbench.common.web.Role;
import io.esop.workbench.customer.client.Upstream;
import io.esop.workbench.order.client.OrderClient;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Orders and their fulfilment timeline. The timeline is also a fragment ({@code /orders/{id}/timeline}) that the
 * page fetches again whenever the live stream brings an event of this order, so milestones appear without a
 * reload. An enterprise customer sees only their company's orders (the order service decides).
 */
@Path("/orders")
@Authenticated
public class OrderPages {

    static final Pattern ID = Pattern.compile("ORD-[0-9A-Za-z-]{1,60}");

    private final Template orders;
    private final Template order;
    private final Template timeline;
    private final CurrentUser user;
    private final OrderClient client;

    public OrderPages(@Location("orders.html") Template orders, @Location("order.html") Template order,
            @Location("order-timeline.html") Template timeline, CurrentUser user, @RestClient OrderClient client) {
        this.orders = orders;
        this.order = order;
        this.timeline = timeline;
        this.user = user;
        this.client = client;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> list(@RestQuery String customerId, @Context UriInfo uri, @Context HttpHeaders headers) {
        // a customer sees its own company's; staff may narrow to one customer (the order service applies the scope)
        String customer = user.scope().has(Role.ENTERPRISE_CUSTOMER) ? user.scope().customerId()
                : customerId == null || customerId.isBlank() || customerId.length() > 64 ? null : customerId;
        return client.orders(user.bearer(), customer, 50)
                .onFailure().transform(Upstream::translate)
                .map(page -> Pages.render(orders.data("page", page), uri, headers, user.scope()));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> show(@RestPath String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        require(id);
        return client.order(user.bearer(), id)
                .onFailure().transform(Upstream::translate)
                .map(o -> Pages.render(order.data("o", o), uri, headers, user.scope()));
    }

    /** Only the timeline and state, for the live refresh. */
    @GET
    @Path("{id}/timeline")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> timeline(@RestPath String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        require(id);
        return client.order(user.bearer(), id)
                .onFailure().transform(Upstream::translate)
                .map(o -> Pages.render(timeline.data("o", o), uri, headers, user.scope()));
    }

    static void require(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new PageProblem(404);
        }
    }
}
